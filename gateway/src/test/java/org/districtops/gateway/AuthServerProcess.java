package org.districtops.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real authorization server (infra/auth-server's jar) as its own process, started once per test JVM when a test
 * first needs it. Its port is fixed up front so the gateway can be configured with the issuer before either starts;
 * the gateway reads the issuer's discovery document only at the first sign-in.
 */
public final class AuthServerProcess {

    public static final int PORT = freePort();
    public static final String ISSUER = "http://localhost:" + PORT;

    private static Process process;

    private AuthServerProcess() {
    }

    /** Starts the server (redirects allowed back to {@code gatewayUrl}) unless it runs, and waits until it is ready. */
    public static synchronized void ensureStarted(String gatewayUrl) {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("gateway-it-auth");
            String jar = System.getProperty("dop.auth-server.jar", "../infra/auth-server/target/auth-server.jar");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx384m", "-jar", jar))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("auth-server.log").toFile());
            builder.environment().put("DOP_AUTH_PORT", Integer.toString(PORT));
            builder.environment().put("DOP_AUTH_ISSUER", ISSUER);
            builder.environment().put("DOP_AUTH_KEY_DIR", dir.resolve("keys").toString());
            builder.environment().put("DOP_GATEWAY_URL", gatewayUrl);
            builder.environment().put("DOP_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
            process = builder.start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
            awaitReady(dir.resolve("auth-server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI readiness = URI.create(ISSUER + "/actuator/health/readiness");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The authorization server exited; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The authorization server was not ready in 120 s; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
