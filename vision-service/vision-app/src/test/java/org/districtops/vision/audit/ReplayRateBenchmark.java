package org.districtops.vision.audit;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.districtops.eventchain.VerificationReport;
import org.districtops.kit.audit.EventChainAudit;
import org.districtops.kit.readside.ProjectionRebuilds;
import org.districtops.kit.readside.RebuildStatus;
import org.districtops.testsupport.TestStores;
import org.districtops.vision.api.*;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures, not a test of the suite (the name does not end in IT, so `verify` skips it): appends a realistic
 * vision-service event store straight through Axon's storage engine (plans with goals, measures, milestones and a
 * school year of values and updates each), lets the live processors catch up, then times the admin rebuild of
 * every projection, of the plan projection alone, and a full chain verification. Run it with
 * <pre>./mvnw -q -o -pl vision-service/vision-app -am verify -Dit.test=ReplayRateBenchmark -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dbench.events=60000</pre>
 * and read the "REPLAY BENCHMARK" block in target/failsafe-reports/*ReplayRateBenchmark-output.txt.
 */
@SpringBootTest(properties = "dop.read-side.progress-interval-ms=5000")
class ReplayRateBenchmark {

    private static final int EVENTS_PER_PLAN = 70; // 1 created + 3 goals + 3 measures + 3 milestones + 60 values/updates

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "vision_replay_bench_" + UUID.randomUUID().toString().substring(0, 6));
    }

    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionManager transactions;
    @Autowired
    ProjectionRebuilds rebuilds;
    @Autowired
    EventChainAudit audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.districtops.kit.readside.ReplayProgress progress;

    @Test
    void measureReplayAndVerifyRates() throws Exception {
        int target = Integer.getInteger("bench.events", 60_000);
        int plans = Math.max(1, target / EVENTS_PER_PLAN);
        long appendStart = System.nanoTime();
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int p = 0; p < plans; p++) {
            batch.addAll(plan("bench-" + (p % 10), "plan-" + p));
            if (batch.size() >= 1_000 || p == plans - 1) {
                List<EventMessage<?>> chunk = List.copyOf(batch);
                transactions.executeInTransaction(() -> storage.appendEvents(chunk));
                batch.clear();
            }
        }
        double appendSeconds = (System.nanoTime() - appendStart) / 1e9;
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        long catchUpStart = System.nanoTime();
        while (!progress.positions().values().stream().allMatch(pos -> pos[0] >= pos[1])) {
            Thread.sleep(200);
        }
        double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;

        RebuildStatus all = rebuilds.runNow(null);
        RebuildStatus plansOnly = rebuilds.runNow("public-plans");
        VerificationReport verified = audit.verify();
        assertThat(all.state()).isEqualTo("DONE");
        assertThat(plansOnly.state()).isEqualTo("DONE");
        assertThat(verified.clean()).isTrue();

        StringBuilder out = new StringBuilder("\n==== REPLAY BENCHMARK (vision-service, ").append(events).append(" events, ")
                .append(plans).append(" plans, Mongo: ").append(TestStores.mongoMode()).append(") ====\n");
        out.append(String.format("append through the storage engine: %.1f s, %.0f events/s%n", appendSeconds, events / appendSeconds));
        out.append(String.format("live processors catching up (4 projections in parallel): %.1f s, %.0f events/s%n",
                catchUpSeconds, events / catchUpSeconds));
        out.append(line("admin rebuild, all projections " + all.processingGroups(), all));
        out.append(line("admin rebuild, public-plans only", plansOnly));
        out.append(String.format("verify event chain: %d events in %d ms, %d events/s%n", verified.eventsChecked(),
                verified.elapsedMillis(), verified.eventsPerSecond()));
        System.out.println(out);
    }

    private static String line(String what, RebuildStatus s) {
        long millis = java.time.Duration.between(s.startedAt(), s.finishedAt()).toMillis();
        return String.format("%s: %d events in %d ms, %d events/s%n", what, s.eventsDone(), millis,
                millis == 0 ? 0 : s.eventsDone() * 1000 / millis);
    }

    private static List<EventMessage<?>> plan(String districtId, String planId) {
        String aggregate = new PlanRef(districtId, planId).toString();
        MetaData meta = MetaData.from(Map.of("districtId", districtId, "actorId", "sup-1", "actorRole", "superintendent",
                "correlationId", UUID.randomUUID().toString()));
        List<Object> payloads = new ArrayList<>();
        payloads.add(new StrategicPlanCreated(districtId, planId, "Plan " + planId, 2025, 2030));
        for (int g = 0; g < 3; g++) {
            payloads.add(new PlanGoalAdded(districtId, planId, "g" + g, "Goal " + g, "Why goal " + g,
                    List.of(DistrictCondition.INSTRUCTION)));
        }
        for (int g = 0; g < 3; g++) {
            payloads.add(new MeasureAdded(districtId, planId, "g" + g, "m" + g, "Measure " + g, "%", Direction.UP, 70,
                    LocalDate.of(2025, 6, 30), List.of(new YearTarget(2026, 75), new YearTarget(2027, 80))));
            payloads.add(new MilestoneAdded(districtId, planId, "g" + g, "ms" + g, "Milestone " + g,
                    new Owner("owner-" + g, "Owner " + g), List.of(), LocalDate.of(2025, 8, 1),
                    LocalDate.of(2026, 6, 30), 1, 30));
        }
        for (int i = 0; i < 30; i++) {
            LocalDate asOf = LocalDate.of(2025, 9, 1).plusDays(i * 9L);
            payloads.add(new MeasureValueRecorded(districtId, planId, "m" + (i % 3), asOf, 70 + i * 0.2, "update " + i));
            payloads.add(new MilestoneProgressRecorded(districtId, planId, "ms" + (i % 3), asOf, Math.min(100, i * 3),
                    MilestoneStatus.IN_PROGRESS, "narrative " + i));
        }
        List<EventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < payloads.size(); seq++) {
            events.add(new GenericDomainEventMessage<>("StrategicPlan", aggregate, seq, payloads.get(seq), meta));
        }
        return events;
    }
}
