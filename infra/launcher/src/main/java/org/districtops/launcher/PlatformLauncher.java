package org.districtops.launcher;

import org.districtops.embedded.EmbeddedMongoServer;
import org.districtops.embedded.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole platform on its embedded default: a real PostgreSQL (the event store, data under
 * data/postgres), the in-process MongoDB wire server (the disposable read side, data/mongo), the authorization
 * server (the identity provider, signing key in data/keys), the four services and the gateway, each in its own JVM. Ctrl-C stops everything gracefully;
 * a child that dies once the platform is ready is restarted (ManagedService).
 */
public final class PlatformLauncher {

    private static final Logger log = LoggerFactory.getLogger(PlatformLauncher.class);

    /** A service: its own database, its jar (relative to the repository), URL prefix and port. */
    private record ServiceSpec(String name, String database, String jar, String contextPath, String portVariable,
                               int port) {
    }

    private List<ServiceSpec> services() {
        return List.of(
                new ServiceSpec("vision-service", "vision", "vision-service/vision-app/target/vision-service.jar",
                        "/api/vision", "DOP_VISION_PORT", settings.visionPort()),
                new ServiceSpec("pilot-service", "pilot", "pilot-service/pilot-app/target/pilot-service.jar",
                        "/api/pilots", "DOP_PILOT_PORT", settings.pilotPort()),
                new ServiceSpec("pd-service", "pd", "pd-service/pd-app/target/pd-service.jar",
                        "/api/pd", "DOP_PD_PORT", settings.pdPort()),
                new ServiceSpec("partnership-service", "partnership", "partnership-service/partnership-app/target/partnership-service.jar",
                        "/api/partnerships", "DOP_PARTNERSHIP_PORT", settings.partnershipPort()));
    }

    private final LaunchSettings settings;
    private final List<ManagedService> running = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedMongoServer mongo;

    PlatformLauncher(LaunchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        PlatformLauncher launcher = new PlatformLauncher(LaunchSettings.fromEnvironment(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.stop();
            stopped.countDown();
        }, "platform-shutdown"));
        try {
            launcher.start();
        } catch (Exception e) {
            log.error("The platform could not start: {}", e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    void start() throws Exception {
        long t0 = System.nanoTime();
        Path data = settings.dataDirectory();
        Files.createDirectories(data.resolve("logs"));
        log.info("Starting the District Operations Platform (embedded default), data in {}", data);

        postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), settings.postgresPort());
        postgres.createDatabases(services().stream().map(ServiceSpec::database).toList());
        mongo = EmbeddedMongoServer.start(data.resolve("mongo").resolve("read-side.mv"), settings.mongoPort());

        // The identity provider starts first. Nobody waits for it: services fetch its JWK set at their first
        // authenticated request and the gateway reads its discovery document at the first sign-in.
        String issuer = "http://localhost:" + settings.authPort();
        String gatewayUrl = "http://localhost:" + settings.gatewayPort();
        running.add(new ManagedService("auth-server", settings.home().resolve("infra/auth-server/target/auth-server.jar"),
                settings.authPort(), "/actuator/health/readiness", Map.of(
                        "DOP_AUTH_PORT", Integer.toString(settings.authPort()),
                        "DOP_AUTH_ISSUER", issuer,
                        "DOP_AUTH_KEY_DIR", data.resolve("keys").toString(),
                        "DOP_GATEWAY_URL", gatewayUrl,
                        "DOP_GATEWAY_LOOPBACK_URL", "http://127.0.0.1:" + settings.gatewayPort()),
                settings.serviceJavaOptions(), data.resolve("logs")));

        String jwks = "http://127.0.0.1:" + settings.authPort() + "/oauth2/jwks";
        Map<String, String> gatewayEnv = new HashMap<>(Map.of(
                "DOP_GATEWAY_PORT", Integer.toString(settings.gatewayPort()),
                "DOP_GATEWAY_MANAGEMENT_PORT", Integer.toString(settings.gatewayManagementPort()),
                "DOP_AUTH_ISSUER", issuer,
                "DOP_AUTH_URI", "http://127.0.0.1:" + settings.authPort()));
        for (ServiceSpec spec : services()) {
            int port = spec.port();
            Map<String, String> env = new HashMap<>();
            env.put(spec.portVariable(), Integer.toString(port));
            env.put("DOP_POSTGRES_URL", postgres.jdbcUrl(spec.database()));
            env.put("DOP_POSTGRES_USER", postgres.username());
            env.put("DOP_POSTGRES_PASSWORD", postgres.password());
            env.put("DOP_MONGO_URI", mongo.connectionString());
            env.put("DOP_JWK_SET_URI", jwks);
            env.put("DOP_JWT_ISSUER", issuer);
            env.put("DOP_EMBEDDED", "true");
            env.put("DOP_PD_DEMO_ROSTER", "true"); // pd-service: the demo educator account's record (DemoRoster)
            env.put("DOP_PARTNERSHIP_DEMO_PARTNER", "true"); // partnership-service: the demo partner account's organisation (DemoPartner)
            env.put("DOP_VISION_URI", "http://127.0.0.1:" + settings.visionPort());
            running.add(new ManagedService(spec.name(), settings.home().resolve(spec.jar()), port,
                    spec.contextPath() + "/actuator/health/readiness", env, settings.serviceJavaOptions(),
                    data.resolve("logs")));
            gatewayEnv.put(spec.portVariable().replace("_PORT", "_URI"), "http://127.0.0.1:" + port);
        }
        running.add(new ManagedService("gateway", settings.home().resolve("gateway/target/gateway.jar"),
                settings.gatewayPort(), "/actuator/health/readiness", gatewayEnv, settings.serviceJavaOptions(),
                data.resolve("logs")));

        for (ManagedService service : running) {
            service.start();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(settings.readyTimeoutSeconds()).toNanos();
        for (ManagedService service : running) {
            service.awaitReady(deadline);
        }
        // from here on a child that dies (kill -9, out of memory) is restarted; its pid file names the new process
        for (ManagedService service : running) {
            service.superviseRestarts(Duration.ofSeconds(settings.readyTimeoutSeconds()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String url = "http://localhost:" + settings.gatewayPort();
        System.out.printf("""

                  District Operations Platform is ready in %.1f s:  %s
                  Public district page:  %s/districts/demo-district
                  Sign in (OIDC, %s): demo accounts superintendent, planner, pilotlead, pdstaff, educator, partner,
                  auditor, operator (platform-admin); password "demo"
                  Logs: %s   Stop: Ctrl-C

                """, seconds, url, url, issuer, data.resolve("logs"));
        System.out.println("PLATFORM READY " + url);
    }

    void stop() {
        log.info("Stopping the platform");
        List<Thread> stoppers = new ArrayList<>();
        for (ManagedService service : running) {
            Thread t = new Thread(() -> service.stop(Duration.ofSeconds(30)));
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (mongo != null) {
            mongo.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                log.warn("PostgreSQL did not stop cleanly", e);
            }
        }
        log.info("Stopped");
    }
}
