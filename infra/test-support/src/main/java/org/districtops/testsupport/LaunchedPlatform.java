package org.districtops.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as a newcomer runs it, for end-to-end tests: the launcher jar (system property
 * {@code dop.launcher.jar}, repository in {@code dop.home}) on free ports with its own data folder. The launcher
 * writes each child's pid to {@code <data>/pids/<name>.pid}, so a test can stop one service and watch the rest.
 */
public final class LaunchedPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LaunchedPlatform.class);
    private static final List<String> PORTS = List.of("DOP_AUTH_PORT", "DOP_GATEWAY_PORT", "DOP_GATEWAY_MANAGEMENT_PORT",
            "DOP_VISION_PORT", "DOP_PILOT_PORT", "DOP_PD_PORT", "DOP_PARTNERSHIP_PORT", "DOP_POSTGRES_PORT", "DOP_MONGO_PORT");

    private final Map<String, String> env = new HashMap<>();
    private final Path data;
    private Process process;
    private String attachedGateway;

    private LaunchedPlatform(Path data) throws IOException {
        this.data = data;
        env.put("DOP_HOME", System.getProperty("dop.home", "."));
        env.put("DOP_DATA_DIR", data.toString());
        // generous: on a busy 2-core machine five cold JVMs can take minutes (about 25 s when it is idle)
        env.put("DOP_READY_TIMEOUT_SECONDS", "600");
        List<Integer> ports = freePorts(PORTS.size());
        for (int i = 0; i < PORTS.size(); i++) {
            env.put(PORTS.get(i), Integer.toString(ports.get(i)));
        }
    }

    /** Free ports and a data folder for a platform that is not started yet. */
    public static LaunchedPlatform prepare(Path data) throws IOException {
        return new LaunchedPlatform(data);
    }

    /**
     * For working on tests: a platform already started by hand ({@code java -jar launcher.jar}), given its gateway
     * URL and data folder; nothing is started or stopped.
     */
    public static LaunchedPlatform attach(String gatewayUrl, Path data) throws IOException {
        LaunchedPlatform platform = new LaunchedPlatform(data);
        platform.attachedGateway = gatewayUrl;
        return platform;
    }

    /** Starts the launcher jar and returns the seconds until it reported {@code PLATFORM READY}. */
    public double start() throws Exception {
        if (attachedGateway != null) {
            return 0;
        }
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-jar", System.getProperty("dop.launcher.jar")).redirectErrorStream(true);
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        Process started = builder.start();
        process = started;
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    log.info("[platform] {}", line);
                    if (line.startsWith("PLATFORM READY")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // the platform was stopped
            }
            ready.complete(false);
        }, "platform-output");
        reader.setDaemon(true);
        reader.start();
        if (!ready.get(630, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The platform stopped before it was ready; see " + data.resolve("logs"));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** e.g. {@code http://localhost:54321} */
    public String gateway() {
        return attachedGateway != null ? attachedGateway : "http://localhost:" + env.get("DOP_GATEWAY_PORT");
    }

    public int port(String variable) {
        return Integer.parseInt(env.get(variable));
    }

    public Path data() {
        return data;
    }

    /** The pid of one of the launcher's children ("vision-service", ..., "gateway"), from its pid file. */
    public long pid(String service) throws IOException {
        return Long.parseLong(Files.readString(data.resolve("pids").resolve(service + ".pid")).trim());
    }

    /** SIGKILL to one service only: the launcher, the stores and the other services keep running. */
    public void killService(String service) throws Exception {
        ProcessHandle child = ProcessHandle.of(pid(service))
                .orElseThrow(() -> new IllegalStateException(service + " is not running"));
        child.destroyForcibly();
        child.onExit().get(30, TimeUnit.SECONDS);
    }

    /** kill -9 of the launcher itself: no shutdown hooks run (its children notice and stop on their own). */
    public void killHard() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * kill -9 of every process of the platform at the same moment, as a crash of the machine's processes would:
     * the launcher (which hosts MongoDB), each child JVM, and PostgreSQL's postmaster and backends (pg_ctl
     * daemonises the postmaster, so it is found through its postmaster.pid). Nothing gets to shut down cleanly.
     */
    public void killEverythingHard() throws Exception {
        List<ProcessHandle> all = new java.util.ArrayList<>();
        if (process != null) {
            all.add(process.toHandle());
            process.toHandle().descendants().forEach(all::add);
        }
        Path postmasterPid = data.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(postmasterPid)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim())).ifPresent(postmaster -> {
                all.add(postmaster);
                postmaster.descendants().forEach(all::add);
            });
        }
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** Sets an environment variable of the launcher (and so of its children) before {@link #start()}. */
    public LaunchedPlatform withEnvironment(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Graceful stop (SIGTERM): the launcher stops services, MongoDB server and PostgreSQL. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * {@code count} distinct free ports. The sockets stay open until all are chosen: asked one at a time, the system
     * may hand out a port just released again (two of one platform's services once got the same port).
     */
    public static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void awaitPortFree(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (ServerSocket ignored = new ServerSocket(port)) {
                return;
            } catch (IOException inUse) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Port " + port + " still in use after 60 s");
    }
}
