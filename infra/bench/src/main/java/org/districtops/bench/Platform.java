package org.districtops.bench;

import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The platform as the README starts it: the launcher on a fresh data folder, on free ports, with the gateway's
 * per-client rate limit off (the benchmark is one client) and a request limit large enough for a OneRoster package.
 */
final class Platform implements AutoCloseable {

    /** Service name, context path, and port, as the launcher runs them. */
    record ServiceEndpoint(String name, String contextPath, int port) {
        String url() {
            return "http://127.0.0.1:" + port + contextPath;
        }
    }

    final Path home;
    final Path dataDirectory;
    final int gatewayPort;
    final int postgresPort;
    final int mongoPort;
    final Map<String, ServiceEndpoint> services = new LinkedHashMap<>();
    private Process launcher;
    double startSeconds;

    Platform(Path home, Path dataDirectory) throws IOException {
        this.home = home;
        this.dataDirectory = dataDirectory;
        int[] ports = freePorts(7);
        gatewayPort = ports[0];
        services.put("vision", new ServiceEndpoint("vision-service", "/api/vision", ports[1]));
        services.put("pilot", new ServiceEndpoint("pilot-service", "/api/pilots", ports[2]));
        services.put("pd", new ServiceEndpoint("pd-service", "/api/pd", ports[3]));
        services.put("partnership", new ServiceEndpoint("partnership-service", "/api/partnerships", ports[4]));
        postgresPort = ports[5];
        mongoPort = ports[6];
    }

    String gateway() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    String jdbcPrefix() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/";
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("DOP_HOME", home.toString());
        env.put("DOP_DATA_DIR", dataDirectory.toString());
        env.put("DOP_GATEWAY_PORT", Integer.toString(gatewayPort));
        env.put("DOP_VISION_PORT", Integer.toString(services.get("vision").port()));
        env.put("DOP_PILOT_PORT", Integer.toString(services.get("pilot").port()));
        env.put("DOP_PD_PORT", Integer.toString(services.get("pd").port()));
        env.put("DOP_PARTNERSHIP_PORT", Integer.toString(services.get("partnership").port()));
        env.put("DOP_POSTGRES_PORT", Integer.toString(postgresPort));
        env.put("DOP_MONGO_PORT", Integer.toString(mongoPort));
        env.put("DOP_GATEWAY_RATE_LIMIT_ENABLED", "false");
        env.put("DOP_GATEWAY_MAX_REQUEST_SIZE", "20MB");
        env.put("DOP_READY_TIMEOUT_SECONDS", "600");
        env.put("DOP_SERVICE_JAVA_OPTS", serviceJavaOptions());
        return env;
    }

    /**
     * JVM options of the services and the gateway under benchmark. The launcher's default stops at C1
     * ({@code -XX:TieredStopAtLevel=1}) for a fast start of the demo; a benchmark measures the steady state a
     * deployment runs, so the services get the full JIT here. {@code BENCH_SERVICE_JAVA_OPTS} overrides it.
     */
    static String serviceJavaOptions() {
        String configured = System.getenv("BENCH_SERVICE_JAVA_OPTS");
        return configured == null || configured.isBlank() ? "-XX:+UseSerialGC -Xss512k -Xmx512m" : configured.trim();
    }

    /** Starts the launcher and waits for its {@code PLATFORM READY} line; the wall time is the start-up figure. */
    void start() throws Exception {
        Files.createDirectories(dataDirectory);
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                home.resolve("infra/launcher/target/launcher.jar").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment());
        long t0 = System.nanoTime();
        launcher = builder.start();
        CountDownLatch ready = new CountDownLatch(1);
        Path log = dataDirectory.resolve("launcher.out");
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.startsWith("PLATFORM READY")) {
                        ready.countDown();
                    }
                    if (line.contains("[launcher]") || line.contains("ERROR")) {
                        System.out.println("  | " + line);
                    }
                }
            } catch (IOException e) {
                // launcher ended
            }
        }, "launcher-output");
        pump.setDaemon(true);
        pump.start();
        while (!ready.await(1, TimeUnit.SECONDS)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("The launcher exited (" + launcher.exitValue() + "); see " + log);
            }
        }
        startSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Platform ready in %.1f s (launcher pid %d)%n", startSeconds, launcher.pid());
    }

    /** Resident memory of the launcher (which hosts MongoDB) and of every process it started, in MiB. */
    Map<String, Double> residentMemory() {
        Map<String, Double> rss = new LinkedHashMap<>();
        rss.put("launcher (embedded MongoDB)", rssMiB(launcher.pid()));
        for (ProcessHandle p : launcher.descendants().toList()) {
            String cmd = p.info().commandLine().orElse("");
            if (!cmd.contains("postgres")) {
                String name = cmd.replaceAll(".*/([a-z-]+)\\.jar.*", "$1");
                rss.put(name.length() > 40 ? "pid " + p.pid() : name, rssMiB(p.pid()));
            }
        }
        // pg_ctl daemonises the postmaster, so it is not the launcher's descendant: find it by its data folder.
        // Its processes share the buffer pool, so their proportional set sizes (PSS) are summed, not their RSS.
        String pgData = dataDirectory.resolve("postgres").toString();
        double postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("-D " + pgData))
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .mapToDouble(p -> pssMiB(p.pid())).sum();
        rss.put("postgresql (PSS of all processes)", postgres);
        rss.put("total", rss.values().stream().mapToDouble(Double::doubleValue).sum());
        return rss;
    }

    /** The pid of a child JVM by its jar name (for example {@code gateway}, {@code vision-service}). */
    long pidOf(String jarName) {
        return launcher.descendants().filter(p -> p.info().commandLine().orElse("").contains("/" + jarName + ".jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no process " + jarName)).pid();
    }

    static double pssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // process gone
        }
        return 0;
    }

    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // process gone
        }
        return 0;
    }

    /** Per service: is every processor caught up, and the lowest position and the head. */
    JsonNode readSide(String service) throws Exception {
        return Http.getJson(services.get(service).url() + "/actuator/health", null).path("components").path("readSide")
                .path("details");
    }

    /** Waits until every processor of every service has reached its event store's head. */
    void awaitReadSidesCaughtUp(Duration timeout) throws Exception {
        awaitReadSidesCaughtUp(timeout, services.keySet());
    }

    /** Waits until every processor of the given services has reached its event store's head. */
    void awaitReadSidesCaughtUp(Duration timeout, java.util.Collection<String> which) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = 0;
        while (System.nanoTime() < deadline) {
            List<String> behind = new ArrayList<>();
            for (String service : which) {
                readSide(service).properties().forEach(e -> {
                    if (e.getValue().has("caughtUp") && !e.getValue().get("caughtUp").asBoolean()) {
                        behind.add(service + "/" + e.getKey() + " " + e.getValue().get("position") + "/"
                                + e.getValue().get("head"));
                    }
                });
            }
            if (behind.isEmpty()) {
                return;
            }
            if (System.nanoTime() - last > 5_000_000_000L) {
                last = System.nanoTime();
                System.out.println("  projections catching up: " + behind);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Read sides did not catch up within " + timeout);
    }

    static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
        return ports;
    }

    /** Graceful stop (SIGTERM to the launcher, which stops its children). */
    @Override
    public void close() {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            try {
                if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                    launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                    launcher.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
