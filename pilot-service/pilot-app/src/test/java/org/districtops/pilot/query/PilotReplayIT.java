package org.districtops.pilot.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.pilot.api.*;
import org.districtops.testsupport.ProjectionReplay;
import org.districtops.testsupport.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The pilots read model is derived: a duplicate replay and a full rebuild both give the same views. */
@SpringBootTest
class PilotReplayIT {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "pilot_replay_it");
    }

    @Autowired
    CommandSender commands;
    @Autowired
    PilotProjection projection;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase readSideDatabase;

    private final String district = "replay-" + UUID.randomUUID().toString().substring(0, 8);

    record Views(List<PilotBoardEntry> board, List<ProvenModel> menu, PilotView pilot) {
    }

    @Test
    void aFullRebuildAndADuplicateReplayBothConvergeToTheSameViews() throws Exception {
        Actor lead = new Actor("pilotlead", "district-staff", district);
        PilotRef pilot = new PilotRef(district, "p1");
        LocalDate start = LocalDate.of(2026, 1, 5);
        commands.send(new ProposePilot(pilot, "Station rotation", "Math gap", "Grade 4", ModelType.STATION_ROTATION,
                "Station rotation", SchoolLevel.ELEMENTARY, List.of("Jefferson ES"), 4, 100, start, start.plusMonths(5), List.of(),
                AlignmentStatus.VERIFIED, null, 1), lead);
        SuccessCriteria criteria = new SuccessCriteria(List.of(new Metric("m1", "Proficiency", "%", Direction.UP, 40, 50)),
                ComparisonGroup.MATCHED_CLASSROOMS, "rule");
        commands.send(new PreRegisterCriteria(pilot, criteria), lead);
        commands.send(new LaunchPilot(pilot, start), lead);
        commands.send(new StartCycle(pilot, "c1", "plan", start.plusWeeks(6)), lead);
        commands.send(new RecordMeasurement(pilot, "c1", "m1", Group.PILOT, "Room 1", 52, 25), lead);
        commands.send(new RecordMeasurement(pilot, "c1", "m1", Group.COMPARISON, "Room 9", 45, 25), lead);
        commands.send(new CompleteCycle(pilot, "c1", "Worked", "More"), lead);
        commands.send(new AmendCriteria(pilot, criteria, "Clarified the rule"), lead);
        commands.send(new DecidePilot(pilot, Decision.SCALE, "Beat matched classrooms"), lead);

        StreamingEventProcessor processor = processing
                .eventProcessor(PilotProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        // the decision shows on the menu and the board in separate writes: wait for both, and for the processor
        Views original = ProjectionReplay.await(this::views, v -> v.menu().size() == 1 && !v.board().isEmpty()
                && v.board().get(0).lastDecision() != null && ProjectionReplay.caughtUp(processor));

        ProjectionReplay.replay(processor, () -> { });
        assertThat(ProjectionReplay.await(this::views, v -> ProjectionReplay.caughtUp(processor))).isEqualTo(original);

        ProjectionReplay.replay(processor, () -> {
            readSideDatabase.getCollection(PilotProjection.COLLECTION).drop();
            assertThat(views().board()).isEmpty();
        });
        assertThat(ProjectionReplay.await(this::views, v -> v.equals(original) && ProjectionReplay.caughtUp(processor)))
                .isEqualTo(original);
    }

    private Views views() {
        return new Views(projection.handle(new FindPilotBoard(district)), projection.handle(new FindProvenModels(district)),
                projection.handle(new FindPilot(district, "p1")).orElse(null));
    }
}
