package org.districtops.launcher;

import org.districtops.testsupport.LaunchedPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's supervision with a tiny child JVM ({@link FakeChild}) in place of a service: a child killed with
 * SIGKILL is started again and its pid file names the new process; a child stopped by the launcher stays stopped.
 */
class ManagedServiceSupervisionTest {

    @TempDir
    Path data;

    @Test
    void givenASupervisedChild_whenItIsKilledHard_thenTheLauncherStartsItAgainAndRecordsTheNewPid() throws Exception {
        ManagedService child = fakeChild();
        try {
            child.start();
            long first = child.awaitReady(System.nanoTime() + Duration.ofSeconds(30).toNanos());
            child.superviseRestarts(Duration.ofSeconds(30));

            ProcessHandle.of(first).orElseThrow().destroyForcibly(); // SIGKILL

            long second = awaitNewReadyPid(child, first);
            assertThat(second).isNotEqualTo(first);
            assertThat(ProcessHandle.of(second)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            assertThat(Files.readString(data.resolve("pids/fake.pid")).trim()).isEqualTo(Long.toString(second));
            assertThat(child.restarts()).isEqualTo(1);
        } finally {
            child.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void givenASupervisedChild_whenTheLauncherStopsIt_thenItIsNotRestarted() throws Exception {
        ManagedService child = fakeChild();
        child.start();
        long pid = child.awaitReady(System.nanoTime() + Duration.ofSeconds(30).toNanos());
        child.superviseRestarts(Duration.ofSeconds(30));

        child.stop(Duration.ofSeconds(5));
        Thread.sleep(300); // longer than the backoff: a restart would have been scheduled and run by now

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(child.pid()).isEqualTo(pid);
        assertThat(child.restarts()).isZero();
        assertThat(data.resolve("pids/fake.pid")).doesNotExist();
    }

    private ManagedService fakeChild() throws Exception {
        int port = LaunchedPlatform.freePort();
        Path classes = Path.of(FakeChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.createDirectories(data.resolve("logs"));
        return new ManagedService("fake", classes, List.of("-XX:TieredStopAtLevel=1", "-cp", classes.toString(),
                FakeChild.class.getName(), Integer.toString(port)), port, "/ready", Map.of(), data.resolve("logs"),
                new RestartBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(60)));
    }

    private static long awaitNewReadyPid(ManagedService child, long old) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (child.pid() != old && child.pid() > 0) {
                return child.awaitReady(deadline);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not restarted within 30 s");
    }
}
