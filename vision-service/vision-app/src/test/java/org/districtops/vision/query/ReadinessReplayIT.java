package org.districtops.vision.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.testsupport.ProjectionReplay;
import org.districtops.testsupport.TestStores;
import org.districtops.vision.api.CompleteReadinessAssessment;
import org.districtops.vision.api.DistrictCondition;
import org.districtops.vision.api.FindReadinessHistory;
import org.districtops.vision.api.RateReadiness;
import org.districtops.vision.api.ReadinessHistory;
import org.districtops.vision.api.ReadinessRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness history is derived: a duplicate replay and a full rebuild both give the same history. */
@SpringBootTest
class ReadinessReplayIT {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "vision_readiness_replay_it");
    }

    @Autowired
    CommandSender commands;
    @Autowired
    ReadinessProjection projection;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase readSideDatabase;

    private final String district = "replay-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aFullRebuildAndADuplicateReplayBothConvergeToTheSameHistory() throws Exception {
        Actor superintendent = new Actor("sup-1", "superintendent", district);
        for (int year : new int[]{2025, 2026}) {
            for (DistrictCondition condition : DistrictCondition.values()) {
                commands.send(new RateReadiness(new ReadinessRef(district, year), condition,
                        1 + (condition.ordinal() + year) % 4, "evidence " + year), superintendent);
            }
            commands.send(new CompleteReadinessAssessment(new ReadinessRef(district, year)), superintendent);
        }
        ReadinessHistory original = ProjectionReplay.await(this::history, h -> h.years().size() == 2);
        StreamingEventProcessor processor = processing.eventProcessor("readiness", StreamingEventProcessor.class)
                .orElseThrow();

        ProjectionReplay.replay(processor, () -> { });
        assertThat(ProjectionReplay.await(this::history, h -> ProjectionReplay.caughtUp(processor))).isEqualTo(original);

        ProjectionReplay.replay(processor, () -> {
            readSideDatabase.getCollection(ReadinessProjection.COLLECTION).drop();
            assertThat(history().years()).isEmpty();
        });
        assertThat(ProjectionReplay.await(this::history, h -> h.equals(original) && ProjectionReplay.caughtUp(processor)))
                .isEqualTo(original);
    }

    private ReadinessHistory history() {
        return projection.handle(new FindReadinessHistory(district));
    }
}
