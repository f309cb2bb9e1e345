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

import java.util.List;

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
}
