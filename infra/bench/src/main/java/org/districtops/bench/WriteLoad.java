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

import org.districtops.bench.load.WriteMixSimulation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The write path: the realistic mix of commands through the gateway, by Gatling ({@link WriteMixSimulation}: closed
 * loop for the maximum rate, open loop at a set rate as the projection-lag probe's background); beside it the raw
 * rate of inserting the same event rows (same payload types and sizes, one row per transaction, as one command
 * appends one event) with plain JDBC through a HikariCP pool of the services' size into a scratch database with the
 * kit's own event-store schema and hash-chain trigger ({@link ClosedLoop}).
 */
final class WriteLoad {

    /** Pairs a Gatling run may have taken beyond the ones it sent (a user stopped between taking and sending). */
    private static final int AWARD_MARGIN = 16;

    private final Platform platform;
    private final DistrictGenerator district;
    private final Path gatlingResults;
    private final String superintendent;
    private final String pdStaff;
    private int nextAward;

    WriteLoad(Platform platform, DistrictGenerator district, Path gatlingResults) throws Exception {
        this.platform = platform;
        this.district = district;
        this.gatlingResults = gatlingResults;
        this.superintendent = Http.token(platform.gateway(), "superintendent");
        this.pdStaff = Http.token(platform.gateway(), "pdstaff");
    }

    /** Closed loop through the gateway: {@code users} users, each sending its next command when answered. */
    GatlingRun.Stats commands(String label, int seconds, int users) throws Exception {
        Map<String, String> inputs = inputs(seconds);
        inputs.put(WriteMixSimulation.USERS, Integer.toString(users));
        return measured(label, inputs);
    }

    /** Open loop at {@code rate} commands per second, sent on schedule whether or not answered. */
    GatlingRun.Stats atRate(String label, int seconds, double rate) throws Exception {
        Map<String, String> inputs = inputs(seconds);
        inputs.put(WriteMixSimulation.RATE, String.format(Locale.ROOT, "%.3f", rate));
        return measured(label, inputs);
    }

    private GatlingRun.Stats measured(String label, Map<String, String> inputs) throws Exception {
        GatlingRun.Stats stats = GatlingRun.measure(WriteMixSimulation.class, label, inputs, gatlingResults);
        nextAward += stats.requestsByName().getOrDefault(WriteMixSimulation.BADGE_AWARD, 0L).intValue() + AWARD_MARGIN;
        return stats;
    }

    /**
     * The mix's inputs, with a CSV of award pairs no earlier run used (each educator-badge pair can be awarded once;
     * should a run outlast the district's free pairs, they wrap around and the repeated awards count as errors).
     */
    private Map<String, String> inputs(int seconds) throws Exception {
        StringBuilder csv = new StringBuilder("educatorId,badgeId\n");
        int count = Math.min(awardsFor(seconds), district.freeAwards());
        for (int i = nextAward; i < nextAward + count; i++) {
            String[] pair = district.freeAward(i % district.freeAwards());
            csv.append(pair[0]).append(',').append(pair[1]).append('\n');
        }
        Path awards = gatlingResults.resolve("awards-" + nextAward + ".csv");
        Files.createDirectories(gatlingResults);
        Files.writeString(awards, csv);
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put(WriteMixSimulation.GATEWAY, platform.gateway());
        inputs.put(WriteMixSimulation.DISTRICT, DistrictLoader.DISTRICT);
        inputs.put(WriteMixSimulation.PLAN, district.planId());
        inputs.put(WriteMixSimulation.MILESTONES, String.join(",", district.milestoneIds()));
        inputs.put(WriteMixSimulation.MEASURES, String.join(",", district.measureIds()));
        inputs.put(WriteMixSimulation.AWARDS, awards.toString());
        inputs.put(WriteMixSimulation.SUPERINTENDENT_TOKEN, superintendent);
        inputs.put(WriteMixSimulation.PD_STAFF_TOKEN, pdStaff);
        inputs.put(WriteMixSimulation.SECONDS, Integer.toString(seconds));
        return inputs;
    }

    /** Enough pairs for 2 awards in 5 commands at 1,000 commands/s (a user whose feeder runs dry stops). */
    private static int awardsFor(int seconds) {
        return 400 * seconds + AWARD_MARGIN;
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
    ClosedLoop.Result rawInserts(int seconds, int clients) throws Exception {
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
            ClosedLoop.Call insert = () -> {
                Object[] row = rows.get(next.getAndIncrement() % prepared);
                try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(EventStoreWriter.INSERT)) {
                    for (int i = 0; i < row.length; i++) {
                        s.setObject(i + 1, i == 0 ? UUID.randomUUID().toString() : i == 6 ? d + "/raw/" + UUID.randomUUID() : row[i]);
                    }
                    s.executeUpdate();
                    c.commit();
                }
                return true;
            };
            ClosedLoop.run("raw JDBC insert (warm-up)", 2, clients, false, insert);
            ClosedLoop.Result r = ClosedLoop.run("raw JDBC insert of the same rows", seconds, clients, false, insert);
            System.out.printf(Locale.ROOT, "  %-44s %8.1f ok/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n", r.scenario(),
                    r.perSecond(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.errors());
            return r;
        }
    }
}
