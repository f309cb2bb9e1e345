package org.districtops.pilot.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.pilot.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

/** One given-when-then per rule of the pilot lifecycle. */
class PilotTest {

    private static final PilotRef PILOT = new PilotRef("lindsay", "p1");
    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final PilotProposed PROPOSED = new PilotProposed("lindsay", "p1", "Station rotation in grade 4 math",
            "Grade 4 math proficiency gap", "Grade 4 students at two schools", ModelType.STATION_ROTATION,
            "Station rotation", SchoolLevel.ELEMENTARY, List.of("Jefferson ES", "Lincoln ES"), 6, 140, START, START.plusMonths(5),
            List.of("g1"), AlignmentStatus.VERIFIED, "p1", 1);
    private static final SuccessCriteria CRITERIA = new SuccessCriteria(List.of(
            new Metric("m1", "Math proficiency", "%", Direction.UP, 40, 50)), ComparisonGroup.MATCHED_CLASSROOMS,
            "Scale if proficiency rises 10 points more than in matched classrooms");
    private static final CriteriaPreRegistered REGISTERED = new CriteriaPreRegistered("lindsay", "p1", CRITERIA);
    private static final PilotLaunched LAUNCHED = new PilotLaunched("lindsay", "p1", START);
    private static final CycleStarted CYCLE = new CycleStarted("lindsay", "p1", "c1", 1, "Rotate three stations",
            START.plusWeeks(6));
    private static final CycleCompleted COMPLETED = new CycleCompleted("lindsay", "p1", "c1", "Small groups worked", "");

    private FixtureConfiguration<Pilot> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pilot.class);
    }

    @Test
    void aProposalRecordsTheNeedModelPlaceAndAlignment() {
        fixture.givenNoPriorActivity()
                .when(new ProposePilot(PILOT, "Station rotation in grade 4 math", "Grade 4 math proficiency gap",
                        "Grade 4 students at two schools", ModelType.STATION_ROTATION, "Station rotation",
                        SchoolLevel.ELEMENTARY, List.of("Jefferson ES", "Lincoln ES"), 6, 140, START, START.plusMonths(5), List.of("g1"),
                        AlignmentStatus.VERIFIED, null, 1))
                .expectEvents(PROPOSED);
    }

    @Test
    void aPilotMustEndAfterItStarts() {
        fixture.givenNoPriorActivity()
                .when(new ProposePilot(PILOT, "T", "G", "S", ModelType.OTHER, "M", SchoolLevel.OTHER, List.of("X"), 1, 20, START, START,
                        List.of(), AlignmentStatus.VERIFIED, null, 1))
                .expectException(InvalidInputException.class);
    }

    @Test
    void noLaunchWithoutPreRegisteredCriteria() {
        fixture.given(PROPOSED)
                .when(new LaunchPilot(PILOT, START))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void noLaunchWhileTheAlignmentIsInvalid() {
        fixture.given(PROPOSED, REGISTERED, new PilotAlignmentChecked("lindsay", "p1", AlignmentStatus.INVALID, List.of("g1")))
                .when(new LaunchPilot(PILOT, START))
                .expectException(StateConflictException.class);
    }

    @Test
    void criteriaCanBeReplacedBeforeLaunch() {
        fixture.given(PROPOSED, REGISTERED)
                .when(new PreRegisterCriteria(PILOT, CRITERIA))
                .expectEvents(REGISTERED);
    }

    @Test
    void criteriaAreLockedAfterLaunch() {
        fixture.given(PROPOSED, REGISTERED, LAUNCHED)
                .when(new PreRegisterCriteria(PILOT, CRITERIA))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anAmendmentAfterLaunchNeedsAReasonAndKeepsThePreviousCriteria() {
        SuccessCriteria amended = new SuccessCriteria(CRITERIA.metrics(), ComparisonGroup.PRIOR_YEAR_BASELINE, "Compare with last year");
        fixture.given(PROPOSED, REGISTERED, LAUNCHED)
                .when(new AmendCriteria(PILOT, amended, " "))
                .expectException(InvalidInputException.class);
        fixture.given(PROPOSED, REGISTERED, LAUNCHED)
                .when(new AmendCriteria(PILOT, amended, "Matched classrooms left the district"))
                .expectEvents(new CriteriaAmended("lindsay", "p1", CRITERIA, amended, "Matched classrooms left the district"));
    }

    @Test
    void measurementsOnlyWithinALaunchedOpenCycle() {
        fixture.given(PROPOSED, REGISTERED, LAUNCHED)
                .when(new RecordMeasurement(PILOT, "c1", "m1", Group.PILOT, "Jefferson ES", 44, 70))
                .expectException(StateConflictException.class);
        fixture.given(PROPOSED, REGISTERED, LAUNCHED, CYCLE, COMPLETED)
                .when(new RecordMeasurement(PILOT, "c1", "m1", Group.PILOT, "Jefferson ES", 44, 70))
                .expectException(StateConflictException.class);
        fixture.given(PROPOSED, REGISTERED, LAUNCHED, CYCLE)
                .when(new RecordMeasurement(PILOT, "c1", "m1", Group.PILOT, "Jefferson ES", 44, 70))
                .expectEvents(new MeasurementRecorded("lindsay", "p1", "c1", "m1", Group.PILOT, "Jefferson ES", 44, 70));
    }

    @Test
    void aMeasurementMustBeOfAPreRegisteredMetric() {
        fixture.given(PROPOSED, REGISTERED, LAUNCHED, CYCLE)
                .when(new RecordMeasurement(PILOT, "c1", "vibes", Group.PILOT, "Jefferson ES", 44, 70))
                .expectException(InvalidInputException.class);
    }

    @Test
    void comparisonMeasurementsNeedAPreRegisteredComparisonGroup() {
        CriteriaPreRegistered none = new CriteriaPreRegistered("lindsay", "p1",
                new SuccessCriteria(CRITERIA.metrics(), ComparisonGroup.NONE, "Rule"));
        fixture.given(PROPOSED, none, LAUNCHED, CYCLE)
                .when(new RecordMeasurement(PILOT, "c1", "m1", Group.COMPARISON, "Adams ES", 41, 60))
                .expectException(InvalidInputException.class);
    }

    @Test
    void onlyOneCycleIsOpenAtATime() {
        fixture.given(PROPOSED, REGISTERED, LAUNCHED, CYCLE)
                .when(new StartCycle(PILOT, "c2", "Next", START.plusWeeks(12)))
                .expectException(StateConflictException.class);
    }

    @Test
    void noDecisionBeforeACompletedCycle() {
        fixture.given(PROPOSED, REGISTERED, LAUNCHED, CYCLE)
                .when(new DecidePilot(PILOT, Decision.SCALE, "Looks good"))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aDecisionRecordsTheEvidenceTierOfThePilotsOwnEvaluation() {
        fixture.given(PROPOSED, REGISTERED, LAUNCHED, CYCLE,
                        new MeasurementRecorded("lindsay", "p1", "c1", "m1", Group.PILOT, "Room 1", 52, 25),
                        new MeasurementRecorded("lindsay", "p1", "c1", "m1", Group.COMPARISON, "Room 9", 44, 25),
                        COMPLETED)
                .when(new DecidePilot(PILOT, Decision.SCALE, "Beat matched classrooms by 8 points"))
                .expectEvents(new PilotDecided("lindsay", "p1", Decision.SCALE, "Beat matched classrooms by 8 points", 2))
                .expectResultMessagePayload(2);
    }

    @Test
    void aStoppedPilotIsClosed() {
        fixture.given(PROPOSED, REGISTERED, LAUNCHED, CYCLE, COMPLETED,
                        new PilotDecided("lindsay", "p1", Decision.STOP, "No effect", 4))
                .when(new StartCycle(PILOT, "c2", "Again", START.plusWeeks(12)))
                .expectException(StateConflictException.class);
    }
}
