package org.districtops.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store of the embedded default must keep every write it acknowledged, even when PostgreSQL is killed
 * with SIGKILL right after the commit (found by CrashRoundsIT: zonky's default synchronous_commit=off lost them).
 */
class EmbeddedPostgresDurabilityTest {

    @TempDir
    Path data;

    @Test
    void givenTheEmbeddedEventStore_whenACommitIsAcknowledged_thenItWasFlushedFirst() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data.resolve("pg"), 0)) {
            assertThat(server.setting("synchronous_commit")).isEqualTo("on");
            assertThat(server.setting("fsync")).isEqualTo("on");
        }
    }

    @Test
    void givenCommittedRows_whenEveryPostgresProcessIsKilledHard_thenTheRowsAreThereAfterTheRestart() throws Exception {
        Path folder = data.resolve("pg");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, 0);
        String url = server.jdbcUrl("postgres");
        try (Connection c = DriverManager.getConnection(url, server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute("create table acknowledged (n int primary key)");
            for (int n = 0; n < 200; n++) {
                s.execute("insert into acknowledged values (" + n + ")"); // autocommit: each one acknowledged
            }
        }
        killEveryPostgresProcess(folder);
        try {
            server.close(); // only releases this JVM's lock on the folder: PostgreSQL is already gone
        } catch (Exception alreadyDead) {
            // pg_ctl stop finds no server
        }

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(folder, 0);
             Connection c = DriverManager.getConnection(restarted.jdbcUrl("postgres"), restarted.username(),
                     restarted.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from acknowledged")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(200);
        }
    }

    private static void killEveryPostgresProcess(Path folder) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(folder.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
