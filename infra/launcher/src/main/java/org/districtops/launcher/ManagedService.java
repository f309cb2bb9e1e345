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
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One service (or the gateway) run as its own JVM, the way it runs in production. Its output goes to
 * data/logs/NAME.log; read-side progress, warnings about it and errors are echoed to the launcher's console.
 */
final class ManagedService {

    private static final Logger log = LoggerFactory.getLogger(ManagedService.class);
    private static final Pattern ECHO = Pattern.compile("Read side|\\bERROR\\b|APPLICATION FAILED");

    private final String name;
    private final Path jar;
    private final int port;
    private final String readinessPath;
    private final Map<String, String> environment;
    private final List<String> javaOptions;
    private final Path logFile;
    private final Path pidFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;
    private Thread pump;
    private long startedAt;

    ManagedService(String name, Path jar, int port, String readinessPath, Map<String, String> environment,
                   List<String> javaOptions, Path logDirectory) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.readinessPath = readinessPath;
        this.environment = environment;
        this.javaOptions = javaOptions;
        this.logFile = logDirectory.resolve(name + ".log");
        this.pidFile = logDirectory.resolveSibling("pids").resolve(name + ".pid");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    void start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " is missing; build first (./mvnw -q package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("DOP_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        startedAt = System.nanoTime();
        process = builder.start();
        pump = new Thread(this::pumpOutput, name + "-output");
        pump.setDaemon(true);
        pump.start();
        // data/pids/NAME.pid: lets an operator (or the browser tests) signal one service without the others
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(process.pid()));
        log.info("Starting {} (pid {}) on port {}", name, process.pid(), port);
    }

    private void pumpOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
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

    /** Waits until the readiness probe answers 200; fails fast if the process dies. */
    void awaitReady(long deadlineNanos) throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + readinessPath);
        while (System.nanoTime() < deadlineNanos) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    log.info("{} is ready ({} s)", name, String.format("%.1f", (System.nanoTime() - startedAt) / 1e9));
                    return;
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
