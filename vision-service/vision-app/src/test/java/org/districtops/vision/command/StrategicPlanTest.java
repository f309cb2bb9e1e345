package org.districtops.vision.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.vision.api.AddPlanGoal;
import org.districtops.vision.api.CreateStrategicPlan;
import org.districtops.vision.api.GoalDraft;
import org.districtops.vision.api.PlanGoalAdded;
import org.districtops.vision.api.PlanRef;
import org.districtops.vision.api.StrategicPlanCreated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.districtops.kit.errors.ForbiddenException;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.vision.api.*;

import static org.districtops.vision.api.DistrictCondition.INSTRUCTION;
import static org.districtops.vision.api.DistrictCondition.PROFESSIONAL_DEVELOPMENT;

/** One given-when-then per business rule of the strategic plan. */
class StrategicPlanTest {

    private static final PlanRef PLAN = new PlanRef("lindsay", "p1");
    private static final StrategicPlanCreated CREATED = new StrategicPlanCreated("lindsay", "p1", "Learner-centered 2030", 2025, 2030);

    private FixtureConfiguration<StrategicPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StrategicPlan.class);
    }

    @Test
    void creatingAPlanRecordsItForItsDistrict() {
        fixture.givenNoPriorActivity()
                .when(new CreateStrategicPlan(PLAN, "  Learner-centered 2030 ", 2025, 2030, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CREATED);
    }

    @Test
    void aPlanCreatedWithAFirstGoalRecordsBothTogether() {
        GoalDraft goal = new GoalDraft("g1", "Every learner on a personal pathway", "Why",
                List.of(INSTRUCTION, INSTRUCTION, PROFESSIONAL_DEVELOPMENT));
        fixture.givenNoPriorActivity()
                .when(new CreateStrategicPlan(PLAN, "Learner-centered 2030", 2025, 2030, goal))
                .expectEvents(CREATED, new PlanGoalAdded("lindsay", "p1", "g1", "Every learner on a personal pathway",
                        "Why", List.of(INSTRUCTION, PROFESSIONAL_DEVELOPMENT)));
    }

    @Test
    void aPlanNeedsATitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateStrategicPlan(PLAN, "  ", 2025, 2030, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("must not be blank")
                .expectNoEvents();
    }

    @Test
    void aPlanCannotEndBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new CreateStrategicPlan(PLAN, "Plan", 2030, 2025, null))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aPlanCoversAtMostTenSchoolYears() {
        fixture.givenNoPriorActivity()
                .when(new CreateStrategicPlan(PLAN, "Plan", 2025, 2035, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("a plan covers at most 10 school years");
    }

    @Test
    void anInvalidFirstGoalRejectsThePlanAsAWhole() {
        fixture.givenNoPriorActivity()
                .when(new CreateStrategicPlan(PLAN, "Plan", 2025, 2030, new GoalDraft("g1", "", null, null)))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void addingAGoalRecordsIt() {
        fixture.given(CREATED)
                .when(new AddPlanGoal(PLAN, new GoalDraft("g2", "Competency-based progression", null, List.of()), null))
                .expectEvents(new PlanGoalAdded("lindsay", "p1", "g2", "Competency-based progression", "", List.of()));
    }

    @Test
    void goalTitlesAreUniqueWithinAPlanRegardlessOfCase() {
        fixture.given(CREATED, new PlanGoalAdded("lindsay", "p1", "g1", "Personal pathways", "", List.of()))
                .when(new AddPlanGoal(PLAN, new GoalDraft("g2", "personal PATHWAYS ", null, null), null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aGoalBasedOnAnOlderVersionOfThePlanIsAConflict() {
        fixture.given(CREATED, new PlanGoalAdded("lindsay", "p1", "g1", "Personal pathways", "", List.of()))
                .when(new AddPlanGoal(PLAN, new GoalDraft("g2", "Another", null, null), 0L))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    // --- measures, milestones and their dated progress ---

    private static final PlanGoalAdded GOAL = new PlanGoalAdded("lindsay", "p1", "g1", "Personal pathways", "", List.of());
    private static final LocalDate BASELINE_DATE = LocalDate.of(2025, 6, 30);
    private static final MeasureAdded MEASURE = new MeasureAdded("lindsay", "p1", "g1", "m1", "Graduation rate", "%",
            Direction.UP, 80, BASELINE_DATE, List.of(new YearTarget(2026, 85), new YearTarget(2027, 90)));
    private static final MilestoneAdded MILESTONE = new MilestoneAdded("lindsay", "p1", "g1", "ms1",
            "Train all teachers in competency-based grading", new Owner("planner", "Pat Planner"), List.of(),
            LocalDate.of(2025, 8, 1), LocalDate.of(2026, 5, 31), 2, 30);
    private static final Map<String, String> OWNER = Map.of("actorId", "planner", "actorRole", "district-staff");
    private static final Map<String, String> OTHER_STAFF = Map.of("actorId", "pilotlead", "actorRole", "district-staff");
    private static final Map<String, String> SUPERINTENDENT = Map.of("actorId", "sup-1", "actorRole", "superintendent");

    @Test
    void aMeasureIsAddedWithItsBaselineAndTargetsInYearOrder() {
        fixture.given(CREATED, GOAL)
                .when(new AddMeasure(PLAN, "g1", "m1", "Graduation rate", "%", Direction.UP, 80, BASELINE_DATE,
                        List.of(new YearTarget(2027, 90), new YearTarget(2026, 85)), null))
                .expectEvents(MEASURE);
    }

    @Test
    void aMeasureTargetMustFallWithinThePlansYears() {
        fixture.given(CREATED, GOAL)
                .when(new AddMeasure(PLAN, "g1", "m1", "Graduation rate", "%", Direction.UP, 80, BASELINE_DATE,
                        List.of(new YearTarget(2035, 90)), null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("must be within the plan's years 2025–2030")
                .expectNoEvents();
    }

    @Test
    void aMeasureNeedsAGoalOfThePlan() {
        fixture.given(CREATED)
                .when(new AddMeasure(PLAN, "nope", "m1", "Rate", "%", Direction.UP, 80, BASELINE_DATE,
                        List.of(new YearTarget(2026, 85)), null))
                .expectException(NotFoundException.class);
    }

    @Test
    void aMilestoneCannotBeDueBeforeItStarts() {
        fixture.given(CREATED, GOAL)
                .when(new AddMilestone(PLAN, "g1", "ms1", "Train", new Owner("planner", "Pat Planner"), List.of(),
                        LocalDate.of(2026, 1, 1), LocalDate.of(2025, 12, 31), 1, 30, null))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void theOwnerRecordsProgressOnTheirMilestone() {
        fixture.given(CREATED, GOAL, MILESTONE)
                .when(new RecordMilestoneProgress(PLAN, "ms1", LocalDate.of(2025, 12, 1), 40, null, " Half the schools done ", null), OWNER)
                .expectEvents(new MilestoneProgressRecorded("lindsay", "p1", "ms1", LocalDate.of(2025, 12, 1), 40,
                        MilestoneStatus.IN_PROGRESS, "Half the schools done"));
    }

    @Test
    void staffWhoDoNotOwnAMilestoneCannotUpdateIt() {
        fixture.given(CREATED, GOAL, MILESTONE)
                .when(new RecordMilestoneProgress(PLAN, "ms1", LocalDate.of(2025, 12, 1), 40, null, null, null), OTHER_STAFF)
                .expectException(ForbiddenException.class)
                .expectNoEvents();
    }

    @Test
    void theSuperintendentMayUpdateAnyMilestone() {
        fixture.given(CREATED, GOAL, MILESTONE)
                .when(new RecordMilestoneProgress(PLAN, "ms1", LocalDate.of(2025, 12, 1), 40, null, null, null), SUPERINTENDENT)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void percentCompleteIsAtMostAHundred() {
        fixture.given(CREATED, GOAL, MILESTONE)
                .when(new RecordMilestoneProgress(PLAN, "ms1", LocalDate.of(2025, 12, 1), 101, null, null, null), OWNER)
                .expectException(InvalidInputException.class);
    }

    @Test
    void ofTwoConcurrentUpdatesBasedOnTheSameVersionOnlyOneWins() {
        // the plan is at version 2 (created, goal, milestone); an update based on version 2 is applied ...
        fixture.given(CREATED, GOAL, MILESTONE)
                .when(new RecordMilestoneProgress(PLAN, "ms1", LocalDate.of(2025, 12, 1), 40, null, null, 2L), OWNER)
                .expectSuccessfulHandlerExecution();
        // ... and the other, also based on version 2 but arriving after it, is a conflict
        fixture.given(CREATED, GOAL, MILESTONE,
                        new MilestoneProgressRecorded("lindsay", "p1", "ms1", LocalDate.of(2025, 12, 1), 40, MilestoneStatus.IN_PROGRESS, ""))
                .when(new RecordMilestoneProgress(PLAN, "ms1", LocalDate.of(2025, 12, 2), 45, null, null, 2L), SUPERINTENDENT)
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void aTargetChangeWithoutAReasonIsRejected() {
        fixture.given(CREATED, GOAL, MEASURE)
                .when(new ChangeMeasureTarget(PLAN, "m1", 2027, 88, " ", null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("must not be blank")
                .expectNoEvents();
    }

    @Test
    void aTargetChangeRecordsThePreviousTargetAndTheReason() {
        fixture.given(CREATED, GOAL, MEASURE)
                .when(new ChangeMeasureTarget(PLAN, "m1", 2027, 88, "State changed the cohort definition", null))
                .expectEvents(new MeasureTargetChanged("lindsay", "p1", "m1", 2027, 90.0, 88,
                        "State changed the cohort definition"));
    }

    @Test
    void aBaselineChangeNeedsAReasonAndKeepsThePreviousBaseline() {
        fixture.given(CREATED, GOAL, MEASURE)
                .when(new ChangeMeasureBaseline(PLAN, "m1", 78, BASELINE_DATE, "Audit corrected the 2025 count", null))
                .expectEvents(new MeasureBaselineChanged("lindsay", "p1", "m1", 80, BASELINE_DATE, 78, BASELINE_DATE,
                        "Audit corrected the 2025 count"));
        fixture.given(CREATED, GOAL, MEASURE)
                .when(new ChangeMeasureBaseline(PLAN, "m1", 78, BASELINE_DATE, null, null))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aDueDateChangeNeedsAReasonAndKeepsThePreviousDate() {
        fixture.given(CREATED, GOAL, MILESTONE)
                .when(new ChangeMilestoneDueDate(PLAN, "ms1", LocalDate.of(2026, 8, 31), "", null))
                .expectException(InvalidInputException.class);
        fixture.given(CREATED, GOAL, MILESTONE)
                .when(new ChangeMilestoneDueDate(PLAN, "ms1", LocalDate.of(2026, 8, 31), "Vendor delay", null))
                .expectEvents(new MilestoneDueDateChanged("lindsay", "p1", "ms1", LocalDate.of(2026, 5, 31),
                        LocalDate.of(2026, 8, 31), "Vendor delay"));
    }

    @Test
    void overridingComputedHealthNeedsAReason() {
        fixture.given(CREATED, GOAL, MILESTONE)
                .when(new OverrideHealth(PLAN, "ms1", Health.AT_RISK, "", null))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.given(CREATED, GOAL, MILESTONE)
                .when(new OverrideHealth(PLAN, "ms1", Health.AT_RISK, "Vendor contract signed late", null))
                .expectEvents(new HealthOverridden("lindsay", "p1", "ms1", Health.AT_RISK, "Vendor contract signed late"));
    }

    @Test
    void healthCanBeOverriddenOnlyToABandNotToNoData() {
        fixture.given(CREATED, GOAL, MEASURE)
                .when(new OverrideHealth(PLAN, "m1", Health.NO_DATA, "Because", null))
                .expectException(InvalidInputException.class);
    }

    @Test
    void completedGoesWithAHundredPercentAndOnlyWithIt() {
        fixture.given(CREATED, GOAL, MILESTONE)
                .when(new RecordMilestoneProgress(PLAN, "ms1", LocalDate.of(2026, 5, 1), 90, MilestoneStatus.COMPLETED, null, null), OWNER)
                .expectException(InvalidInputException.class);
        fixture.given(CREATED, GOAL, MILESTONE)
                .when(new RecordMilestoneProgress(PLAN, "ms1", LocalDate.of(2026, 5, 1), 100, null, null, null), OWNER)
                .expectEvents(new MilestoneProgressRecorded("lindsay", "p1", "ms1", LocalDate.of(2026, 5, 1), 100,
                        MilestoneStatus.COMPLETED, ""));
    }
}
