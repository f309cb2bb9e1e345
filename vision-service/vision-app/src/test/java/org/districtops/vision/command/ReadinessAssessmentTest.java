package org.districtops.vision.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.vision.api.CompleteReadinessAssessment;
import org.districtops.vision.api.DistrictCondition;
import org.districtops.vision.api.RateReadiness;
import org.districtops.vision.api.ReadinessAssessmentCompleted;
import org.districtops.vision.api.ReadinessRated;
import org.districtops.vision.api.ReadinessRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

class ReadinessAssessmentTest {

    private static final ReadinessRef Y2026 = new ReadinessRef("lindsay", 2026);
    private FixtureConfiguration<ReadinessAssessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReadinessAssessment.class);
    }

    private static Object[] allRated() {
        return Arrays.stream(DistrictCondition.values())
                .map(c -> new ReadinessRated("lindsay", 2026, c, 2, "")).toArray();
    }

    @Test
    void theFirstRatingOfAYearStartsItsAssessment() {
        fixture.givenNoPriorActivity()
                .when(new RateReadiness(Y2026, DistrictCondition.CURRICULUM, 3, " Units mapped to competencies "))
                .expectEvents(new ReadinessRated("lindsay", 2026, DistrictCondition.CURRICULUM, 3,
                        "Units mapped to competencies"));
    }

    @Test
    void ratingsGoFromOneToFour() {
        fixture.givenNoPriorActivity()
                .when(new RateReadiness(Y2026, DistrictCondition.CURRICULUM, 5, null))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void anAssessmentIsCompletedOnlyWhenAllTenConditionsAreRated() {
        fixture.given(new ReadinessRated("lindsay", 2026, DistrictCondition.CURRICULUM, 3, ""))
                .when(new CompleteReadinessAssessment(Y2026))
                .expectException(StateConflictException.class)
                .expectNoEvents();
        fixture.given(allRated())
                .when(new CompleteReadinessAssessment(Y2026))
                .expectEvents(new ReadinessAssessmentCompleted("lindsay", 2026));
    }

    @Test
    void aCompletedAssessmentCannotBeRatedAgain() {
        Object[] history = Arrays.copyOf(allRated(), DistrictCondition.values().length + 1);
        history[history.length - 1] = new ReadinessAssessmentCompleted("lindsay", 2026);
        fixture.given(history)
                .when(new RateReadiness(Y2026, DistrictCondition.CURRICULUM, 4, null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }
}
