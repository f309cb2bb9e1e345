package org.districtops.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.serialization.json.JacksonSerializer;
import org.districtops.bench.district.DistrictGenerator;
import org.districtops.bench.district.EventStoreWriter;
import org.districtops.bench.district.GeneratedEvent;
import org.districtops.pd.api.AwardRoute;
import org.districtops.pd.api.BadgeAwarded;
import org.districtops.pd.api.Evidence;
import org.districtops.vision.api.MeasureValueRecorded;
import org.districtops.vision.api.MilestoneProgressRecorded;
import org.districtops.vision.api.MilestoneStatus;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write path: a realistic mix of commands through the gateway (two in five a milestone progress update, one a
 * measure value, two a badge award to an educator who did not hold it), closed loop; beside it the raw rate of
 * inserting the same event rows (same payload types and sizes, one row per transaction, as one command appends one
 * event) with plain JDBC through a HikariCP pool of the services' size into a scratch database with the kit's own
 * event-store schema and hash-chain trigger.
 */
final class WriteLoad {

    record Result(String scenario, long ok, long errors, double seconds, long p50Micros, long p99Micros) {
        double perSecond() {
            return ok / seconds;
        }
    }

    private final Platform platform;
    private final DistrictGenerator district;
    private final String superintendent;
    private final String pdStaff;
    private final AtomicInteger awards = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();

    WriteLoad(Platform platform, DistrictGenerator district) throws Exception {
        this.platform = platform;
        this.district = district;
        this.superintendent = Http.token(platform.gateway(), "superintendent");
        this.pdStaff = Http.token(platform.gateway(), "pdstaff");
    }

    /** The next command of the mix, as an HTTP request through the gateway. */
    HttpRequest nextCommand() {
        int n = sequence.getAndIncrement();
        String base = platform.gateway();
        String d = DistrictLoader.DISTRICT;
        LocalDate asOf = LocalDate.of(2026, 11, 1);
        String url;
        String body;
        String token;
        switch (n % 5) {
            case 0, 1 -> {
                List<String> milestones = district.milestoneIds();
                url = base + "/api/vision/districts/" + d + "/plans/" + district.planId() + "/milestones/"
                        + milestones.get(n % milestones.size()) + "/updates";
                body = "{\"asOf\":\"" + asOf + "\",\"percentComplete\":" + (1 + n % 99) + ",\"narrative\":\"bench\"}";
                token = superintendent;
            }
            case 2 -> {
                List<String> measures = district.measureIds();
                url = base + "/api/vision/districts/" + d + "/plans/" + district.planId() + "/measures/"
                        + measures.get(n % measures.size()) + "/values";
                body = "{\"asOf\":\"" + asOf + "\",\"value\":" + (50 + n % 40) + ".5}";
                token = superintendent;
            }
            default -> {
                String[] pair = district.freeAward(awards.getAndIncrement() % district.freeAwards());
                url = base + "/api/pd/districts/" + d + "/badges/" + pair[1] + "/awards";
                body = "{\"educatorId\":\"" + pair[0] + "\",\"evidence\":{\"text\":\"Completed the course\"}}";
                token = pdStaff;
            }
        }
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Closed loop through the gateway: {@code clients} callers, each sending the next command when answered. */
    Result commands(int seconds, int clients) throws Exception {
        return closedLoop("commands via gateway", seconds, clients, () -> {
            HttpResponse<Void> r = Http.CLIENT.send(nextCommand(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() < 300;
        });
    }

    /** Creates the scratch database once: the kit's Flyway scripts, so the same table, indexes and trigger. */
    static void createRawDatabase(Platform platform) throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcPrefix() + "postgres", "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("create database bench_raw");
        }
        try (Connection c = DriverManager.getConnection(platform.jdbcPrefix() + "bench_raw", "postgres", "postgres");
             Statement s = c.createStatement()) {
            Path kit = platform.home.resolve("infra/service-kit/src/main/resources/db/kit");
            s.execute(Files.readString(kit.resolve("V1__axon_event_store.sql")));
            s.execute(Files.readString(kit.resolve("V2__event_hash_chain.sql")));
        }
    }

    /** The same event rows inserted with plain JDBC, one per transaction, through a pool like the services'. */
    Result rawInserts(int seconds, int clients) throws Exception {
        JacksonSerializer serializer = EventStoreWriter.axonSerializer();
        int prepared = 20_000;
        List<Object[]> rows = new ArrayList<>(prepared);
        Instant now = Instant.now();
        String d = DistrictLoader.DISTRICT;
        for (int n = 0; n < prepared; n++) {
            String aggregate = d + "/raw/" + UUID.randomUUID();
            Object payload = switch (n % 5) {
                case 0, 1 -> new MilestoneProgressRecorded(d, district.planId(), district.milestoneIds().get(0),
                        LocalDate.of(2026, 11, 1), 1 + n % 99, MilestoneStatus.IN_PROGRESS, "bench");
                case 2 -> new MeasureValueRecorded(d, district.planId(), district.measureIds().get(0),
                        LocalDate.of(2026, 11, 1), 50.5, null);
                default -> new BadgeAwarded(d, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(), 1, new Evidence(null, "Completed the course"), now, null,
                        AwardRoute.STAFF);
            };
            String id = UUID.randomUUID().toString();
            rows.add(EventStoreWriter.row(serializer, new GeneratedEvent(GeneratedEvent.Service.VISION, id, aggregate,
                    "Raw", 0, now, payload, "superintendent", "superintendent", id), d));
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(platform.jdbcPrefix() + "bench_raw");
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(10); // DOP_POSTGRES_POOL_SIZE default
        config.setAutoCommit(false);
        AtomicInteger next = new AtomicInteger();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            return closedLoop("raw JDBC insert of the same rows", seconds, clients, () -> {
                Object[] row = rows.get(next.getAndIncrement() % prepared);
                try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(EventStoreWriter.INSERT)) {
                    for (int i = 0; i < row.length; i++) {
                        s.setObject(i + 1, i == 0 ? UUID.randomUUID().toString() : i == 6 ? d + "/raw/" + UUID.randomUUID() : row[i]);
                    }
                    s.executeUpdate();
                    c.commit();
                }
                return true;
            });
        }
    }

    interface Call {
        boolean call() throws Exception;
    }

    static Result closedLoop(String name, int seconds, int clients, Call call) throws Exception {
        // warm-up
        runLoop(2, clients, call);
        long t0 = System.nanoTime();
        AtomicLong errors = new AtomicLong();
        long[] merged = runLoop(seconds, clients, () -> {
            boolean ok;
            try {
                ok = call.call();
            } catch (Exception e) {
                ok = false;
            }
            if (!ok) {
                errors.incrementAndGet();
            }
            return ok;
        });
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(merged);
        Result r = new Result(name, merged.length - errors.get(), errors.get(), elapsed, percentile(merged, 0.5),
                percentile(merged, 0.99));
        System.out.printf(java.util.Locale.ROOT, "  %-40s %8.1f /s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n", name,
                r.perSecond(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.errors());
        return r;
    }

    private static long[] runLoop(int seconds, int clients, Call call) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1 << 12];
                int n = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        call.call();
                    } catch (Exception e) {
                        // counted by the caller's wrapper
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = (System.nanoTime() - start) / 1000;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> w : workers) {
            all.add(w.get());
        }
        pool.shutdown();
        return all.stream().flatMapToLong(Arrays::stream).toArray();
    }

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
