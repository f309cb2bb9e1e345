package org.districtops.vision.audit;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.kit.readside.RebuildSwitchGate;
import org.districtops.kit.readside.ReplayProgress;
import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.ProjectionReplay;
import org.districtops.testsupport.TestStores;
import org.districtops.vision.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One application context for the audit view, rebuild and as-of tests (they share its stores), with a switch gate
 * a test can hold to look at a rebuild that has caught up but not switched over yet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AuditITSupport.Gate.class)
abstract class AuditITSupport {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "vision_audit_view_it");
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandSender commands;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase readSideDatabase;
    @Autowired
    ReplayProgress readSideProgress;

    final String district = "av-" + UUID.randomUUID().toString().substring(0, 8);
    final Actor superintendent = new Actor("sup-1", "superintendent", district);
    final Actor planner = new Actor("planner-7", "district-staff", district);
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://localhost:" + port + "/api/vision");
    }

    /** A plan the way districts use one: goals, a measure with targets and values, milestones with updates. */
    void planWorkload(String planId) {
        PlanRef plan = new PlanRef(district, planId);
        commands.send(new CreateStrategicPlan(plan, "Plan " + planId, 2025, 2030,
                new GoalDraft("g0", "Personal pathways", "every learner", List.of(DistrictCondition.INSTRUCTION))),
                superintendent);
        commands.send(new AddPlanGoal(plan, new GoalDraft("g1", "Graduate profile", null,
                List.of(DistrictCondition.CURRICULUM)), null), superintendent);
        commands.send(new AddMeasure(plan, "g0", "m0", "Graduation rate", "%", Direction.UP, 80,
                LocalDate.of(2025, 6, 30), List.of(new YearTarget(2026, 85), new YearTarget(2027, 90)), null),
                superintendent);
        commands.send(new AddMilestone(plan, "g1", "ms0", "Publish the profile", new Owner("planner-7", "Pat Planner"),
                List.of(), LocalDate.of(2025, 8, 1), LocalDate.of(2026, 5, 31), 1, 30, null), superintendent);
        commands.send(new RecordMeasureValue(plan, "m0", LocalDate.of(2025, 12, 31), 82.5, "winter count", null),
                superintendent);
        commands.send(new RecordMilestoneProgress(plan, "ms0", LocalDate.of(2025, 12, 1), 40, MilestoneStatus.IN_PROGRESS,
                "draft written", null), planner);
        commands.send(new ChangeMeasureTarget(plan, "m0", 2027, 88, "State changed the cohort definition", null),
                superintendent);
    }

    /** Every streaming processor has caught up with the head of the event store. */
    void awaitProjections() throws InterruptedException {
        ProjectionReplay.await(() -> readSideProgress.positions().values().stream().allMatch(p -> p[0] >= p[1]),
                done -> done);
    }

    /**
     * The whole read side, collection by collection, documents in id order (tokens, state and the processors'
     * instance heartbeats left out: they are operational and change on their own).
     */
    Map<String, List<Document>> readSide() {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String name : readSideDatabase.listCollectionNames().into(new ArrayList<>())) {
            if (name.startsWith("axon_") || name.equals("read_side_state") || name.equals("processor_instances")) {
                continue;
            }
            all.put(name, readSideDatabase.getCollection(name).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        return all;
    }

    /** Holds rebuilds before their switch-over while {@link #hold} is set. */
    @TestConfiguration
    static class Gate {
        static volatile CountDownLatch reached;
        static volatile CountDownLatch release;

        static void hold() {
            reached = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        @Bean
        RebuildSwitchGate rebuildSwitchGate() {
            return status -> {
                CountDownLatch r = release;
                if (r != null) {
                    reached.countDown();
                    if (!r.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("test never released the rebuild");
                    }
                }
            };
        }

        static void awaitReached() throws InterruptedException {
            if (!reached.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("rebuild did not catch up");
            }
        }

        static void letGo() {
            CountDownLatch r = release;
            release = null;
            r.countDown();
        }
    }
}
