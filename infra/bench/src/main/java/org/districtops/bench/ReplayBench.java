package org.districtops.bench;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replay: a second instance of one service, started beside the platform on the same event store but with a new,
 * empty Mongo database, rebuilds all its read models from the first event (ReadSideGuard: "no read side yet").
 * The rate is how fast the slowest processor advances, measured from the health endpoint's positions. Beside it:
 * a raw sequential JDBC read of the same event table, and the same rebuild with Axon's default processor settings
 * (tracking processor, batch size 1, one segment, one thread). Each variant runs at most {@code maxSeconds}.
 */
final class ReplayBench {

    record Result(String variant, long events, double seconds, double eventsPerSecond, boolean completed) {
    }

    private ReplayBench() {
    }

    /** Rows per second of {@code select * ... order by global_index}, fetched 1,000 at a time. */
    static Result rawRead(Platform platform, String database) throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcPrefix() + database, "postgres", "postgres")) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            try (PreparedStatement s = c.prepareStatement("select global_index, event_identifier, meta_data, payload, "
                    + "payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type "
                    + "from domain_event_entry order by global_index")) {
                s.setFetchSize(1_000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows++;
                        bytes += r.getBytes(4).length + r.getBytes(3).length + r.getString(2).length();
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Result result = new Result("raw sequential JDBC read", rows, seconds, rows / seconds, true);
            System.out.printf(Locale.ROOT, "  %-52s %,10.0f events/s (%,d events, %.1f MB)%n", result.variant(),
                    result.eventsPerSecond(), rows, bytes / 1e6);
            return result;
        }
    }

    /** Starts {@code service}'s jar with a fresh read-side database and measures the rebuild. */
    static Result rebuild(Platform platform, String service, String variant, List<String> extraOptions, int maxSeconds,
                          Path logDirectory) throws Exception {
        Platform.ServiceEndpoint endpoint = platform.services.get(service);
        int port = Platform.freePorts(1)[0];
        String database = service + "_replay_" + variant.replaceAll("\\W", "_").toLowerCase(Locale.ROOT);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(Platform.serviceJavaOptions().split("\\s+")));
        command.add("-Ddop.read-side.database=" + database);
        command.addAll(extraOptions);
        command.add("-jar");
        command.add(platform.home.resolve(jarOf(service)).toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logDirectory.resolve("replay-" + database + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("DOP_" + (service.equals("pilot") ? "PILOT" : service.toUpperCase(Locale.ROOT)) + "_PORT", Integer.toString(port));
        env.put("DOP_POSTGRES_URL", platform.jdbcPrefix() + service);
        env.put("DOP_POSTGRES_USER", "postgres");
        env.put("DOP_POSTGRES_PASSWORD", "postgres");
        env.put("DOP_MONGO_URI", "mongodb://127.0.0.1:" + platform.mongoPort);
        env.put("DOP_JWK_SET_URI", platform.gateway() + "/auth/jwks");
        env.put("DOP_JWT_ISSUER", "http://localhost:" + platform.gatewayPort);
        env.put("DOP_VISION_URI", platform.services.get("vision").url().replace("/api/vision", ""));
        env.remove("DOP_PARENT_PID");
        String health = "http://127.0.0.1:" + port + endpoint.contextPath() + "/actuator/health";
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
            long firstAt = 0;
            long firstPosition = 0;
            long head = 0;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("replay instance exited; see its log in " + logDirectory);
                }
                JsonNode details;
                try {
                    details = Http.getJson(health, null).path("components").path("readSide").path("details");
                } catch (IOException | RuntimeException e) {
                    Thread.sleep(250);
                    continue;
                }
                long lowest = Long.MAX_VALUE;
                boolean all = true;
                for (var e : details.properties()) {
                    if (e.getValue().has("position")) {
                        lowest = Math.min(lowest, e.getValue().get("position").asLong());
                        head = Math.max(head, e.getValue().get("head").asLong());
                        all &= e.getValue().get("caughtUp").asBoolean();
                    }
                }
                if (lowest == Long.MAX_VALUE) {
                    Thread.sleep(250);
                    continue;
                }
                long now = System.nanoTime();
                if (firstAt == 0) {
                    firstAt = now;
                    firstPosition = lowest;
                    System.out.printf(Locale.ROOT, "  replay %-10s started: processors %s, at %,d of %,d%n", variant,
                            details.propertyNames(), lowest, head);
                }
                double seconds = (now - firstAt) / 1e9;
                if (all || seconds >= maxSeconds) {
                    long done = (all ? head : lowest) - firstPosition;
                    Result r = new Result(variant, done, seconds, seconds == 0 ? 0 : done / seconds, all);
                    System.out.printf(Locale.ROOT, "  %-52s %,10.0f events/s (%,d events in %.1f s%s)%n",
                            "rebuild of " + service + ": " + variant, r.eventsPerSecond(), done, seconds,
                            all ? "" : ", stopped before the end");
                    return r;
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("replay instance did not report progress");
        } finally {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** System properties that give every named processor Axon's defaults: tracking, batch 1, 1 segment, 1 thread. */
    static List<String> axonDefaults(Iterable<String> processors) {
        List<String> options = new ArrayList<>();
        for (String p : processors) {
            String prefix = "-Daxon.eventhandling.processors." + p + ".";
            options.add(prefix + "mode=tracking");
            options.add(prefix + "batch-size=1");
            options.add(prefix + "thread-count=1");
            options.add(prefix + "initial-segment-count=1");
        }
        return options;
    }

    static List<String> processors(Platform platform, String service) throws Exception {
        List<String> names = new ArrayList<>();
        platform.readSide(service).properties().forEach(e -> {
            if (e.getValue().has("position")) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    static String jarOf(String service) {
        return switch (service) {
            case "vision" -> "vision-service/vision-app/target/vision-service.jar";
            case "pilot" -> "pilot-service/pilot-app/target/pilot-service.jar";
            case "pd" -> "pd-service/pd-app/target/pd-service.jar";
            default -> "partnership-service/partnership-app/target/partnership-service.jar";
        };
    }

    static Map<String, Object> asMap(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", r.variant());
        m.put("events", r.events());
        m.put("seconds", DistrictLoader.round(r.seconds()));
        m.put("eventsPerSecond", DistrictLoader.round(r.eventsPerSecond()));
        m.put("completed", r.completed());
        return m;
    }
}
