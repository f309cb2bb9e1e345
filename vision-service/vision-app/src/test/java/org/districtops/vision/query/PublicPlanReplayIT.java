package org.districtops.vision.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.testsupport.ProjectionReplay;
import org.districtops.testsupport.TestStores;
import org.districtops.vision.api.AddPlanGoal;
import org.districtops.vision.api.CreateStrategicPlan;
import org.districtops.vision.api.DistrictCondition;
import org.districtops.vision.api.FindPublicPlans;
import org.districtops.vision.api.GoalDraft;
import org.districtops.vision.api.PlanRef;
import org.districtops.vision.api.PublicPlanView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side is derived: replaying the event store into an empty projection gives exactly the same view,
 * and replaying events the projection has already seen (at-least-once delivery) changes nothing.
 */
@SpringBootTest
class PublicPlanReplayIT {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "vision_replay_it");
    }

    @Autowired
    CommandSender commands;
    @Autowired
    PublicPlanProjection projection;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase readSideDatabase;

    private final String district = "replay-" + UUID.randomUUID().toString().substring(0, 8);
    private final Actor superintendent = new Actor("sup-1", "superintendent", district);

    @Test
    void aFullRebuildAndADuplicateReplayBothConvergeToTheSameView() throws Exception {
        for (int p = 0; p < 3; p++) {
            PlanRef plan = new PlanRef(district, "plan-" + p);
            commands.send(new CreateStrategicPlan(plan, "Plan " + p, 2025, 2028,
                    new GoalDraft("g0", "Goal 0", "first", List.of(DistrictCondition.CURRICULUM))), superintendent);
            for (int g = 1; g <= 3; g++) {
                commands.send(new AddPlanGoal(plan, new GoalDraft("g" + g, "Goal " + g, null, List.of()), null),
                        superintendent);
            }
        }
        List<PublicPlanView> original = await(v -> v.size() == 3 && v.stream().allMatch(p -> p.goals().size() == 4));

        StreamingEventProcessor processor = processing
                .eventProcessor(PublicPlanProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();

        // duplicate delivery: replay everything into the populated projection
        ProjectionReplay.replay(processor, () -> { });
        assertThat(await(v -> ProjectionReplay.caughtUp(processor))).isEqualTo(original);

        // full rebuild: empty projection, replay from the first event
        ProjectionReplay.replay(processor, () -> {
            readSideDatabase.getCollection(PublicPlanProjection.COLLECTION).drop();
            assertThat(projection.handle(new FindPublicPlans(district))).isEmpty();
        });
        assertThat(await(v -> v.size() == 3 && v.stream().allMatch(p -> p.goals().size() == 4)
                && ProjectionReplay.caughtUp(processor))).isEqualTo(original);
    }

    private List<PublicPlanView> await(Predicate<List<PublicPlanView>> done) throws InterruptedException {
        return ProjectionReplay.await(() -> projection.handle(new FindPublicPlans(district)), done);
    }
}
