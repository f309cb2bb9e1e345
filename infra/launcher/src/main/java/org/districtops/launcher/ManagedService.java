package org.districtops.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One service (or the gateway) run as its own JVM, the way it runs in production. Its output goes to
 * data/logs/NAME.log; read-side progress, warnings about it and errors are echoed to the launcher's console. Once the
 * platform is ready the launcher supervises it: a child that dies is started again (see {@link RestartBackoff}) and
 * data/pids/NAME.pid names the current process.
 */
final class ManagedService {

    private static final Logger log = LoggerFactory.getLogger(ManagedService.class);
    private static final Pattern ECHO = Pattern.compile("Read side|\\bERROR\\b|APPLICATION FAILED");

    private final String name;
    private final Path jar;
    private final int port;
    private final String readinessPath;
    private final Map<String, String> environment;
    private final List<String> launchArguments;
    private final Path logFile;
    private final Path pidFile;
    private final RestartBackoff backoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "restart-" + r.hashCode());
        t.setDaemon(true);
        return t;
    });
    private Process process;
    private Thread pump;
    private long startedAt;
    private boolean supervised;
    private boolean stopping;
    private int restarts;
    private Duration readyTimeout = Duration.ofMinutes(3);
    private ScheduledFuture<?> pendingRestart;

    ManagedService(String name, Path jar, int port, String readinessPath, Map<String, String> environment,
                   List<String> javaOptions, Path logDirectory) {
        this(name, jar, concat(javaOptions, List.of("-jar", jar.toString())), port, readinessPath, environment,
                logDirectory, RestartBackoff.standard());
    }

    /** {@code launchArguments}: what follows the java command; {@code requiredFile} must exist (the jar). */
    ManagedService(String name, Path requiredFile, List<String> launchArguments, int port, String readinessPath,
                   Map<String, String> environment, Path logDirectory, RestartBackoff backoff) {
        this.name = name;
        this.jar = requiredFile;
        this.launchArguments = List.copyOf(launchArguments);
        this.port = port;
        this.readinessPath = readinessPath;
        this.environment = environment;
        this.logFile = logDirectory.resolve(name + ".log");
        this.pidFile = logDirectory.resolveSibling("pids").resolve(name + ".pid");
        this.backoff = backoff;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** The pid of the current process (changes when the launcher restarts the child). */
    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** How often the launcher has restarted this child since the platform was ready. */
    synchronized int restarts() {
        return restarts;
    }

    synchronized void start() throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(name + ": " + jar + " is missing; build first (./mvnw -q package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(launchArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("DOP_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        startedAt = System.nanoTime();
        Process started = builder.start();
        process = started;
        Thread pump = new Thread(() -> pumpOutput(started), name + "-output");
        pump.setDaemon(true);
        pump.start();
        this.pump = pump;
        // data/pids/NAME.pid: lets an operator (or the browser tests) signal one service without the others
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(started.pid()));
        log.info("Starting {} (pid {}) on port {}", name, started.pid(), port);
        started.onExit().thenAccept(this::exited);
    }

    /**
     * From now on a child that dies (kill -9, out of memory, a crash) is started again after a short backoff, with
     * a log line for the exit and one when it is ready again. Before this, a death fails the platform's start.
     */
    synchronized void superviseRestarts(Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
        this.supervised = true;
        if (process != null && !process.isAlive()) {
            exited(process);
        }
    }

    private synchronized void exited(Process ended) {
        if (stopping || !supervised || ended != process || pendingRestart != null) {
            return;
        }
        double upSeconds = (System.nanoTime() - startedAt) / 1e9;
        Duration delay = backoff.afterExit(Duration.ofMillis((long) (upSeconds * 1000)));
        log.warn("{} (pid {}) exited with code {} after {} s; restarting it in {} s (consecutive failures: {})", name,
                ended.pid(), ended.exitValue(), String.format("%.1f", upSeconds),
                String.format("%.1f", delay.toMillis() / 1000.0), backoff.consecutiveFailures());
        pendingRestart = restarter.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        long begun = System.nanoTime();
        synchronized (this) {
            pendingRestart = null;
            if (stopping) {
                return;
            }
            restarts++;
            try {
                start();
            } catch (IOException | RuntimeException e) {
                log.error("Could not restart {}: {}", name, e.getMessage());
                pendingRestart = restarter.schedule(this::restart,
                        backoff.afterExit(Duration.ZERO).toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
        }
        try {
            long pid = awaitReady(System.nanoTime() + readyTimeout.toNanos());
            log.info("{} is running again (pid {}, restart {}), ready {} s after its restart", name, pid, restarts(),
                    String.format("%.1f", (System.nanoTime() - begun) / 1e9));
        } catch (IllegalStateException e) {
            log.warn("{} did not become ready after its restart: {}", name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pumpOutput(Process source) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                if (ECHO.matcher(line).find()) {
                    System.out.println("[" + name + "] " + line.replaceFirst("^\\S+\\s+", ""));
                }
            }
        } catch (IOException e) {
            log.debug("Output of {} closed", name, e);
        }
    }

    /** Waits until the readiness probe answers 200 and returns the pid; fails fast if the process dies. */
    long awaitReady(long deadlineNanos) throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + readinessPath);
        Process watched;
        synchronized (this) {
            watched = process;
        }
        while (System.nanoTime() < deadlineNanos) {
            if (!watched.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + watched.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    log.info("{} is ready ({} s)", name, String.format("%.1f", (System.nanoTime() - startedAt) / 1e9));
                    return watched.pid();
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready in time; see " + logFile);
    }

    /** Graceful stop (SIGTERM: Spring's graceful shutdown), then forced after the timeout. */
    void stop(Duration timeout) {
        Process process;
        Thread pump;
        synchronized (this) {
            stopping = true;
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
            }
            process = this.process;
            pump = this.pump;
        }
        restarter.shutdownNow();
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.debug("Could not delete {}", pidFile, e);
        }
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {} s; killing it", name, timeout.toSeconds());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            pump.join(2000); // keep the service's last log lines (its shutdown) in its log file
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
