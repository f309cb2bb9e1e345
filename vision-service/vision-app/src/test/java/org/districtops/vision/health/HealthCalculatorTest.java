package org.districtops.vision.health;

import org.districtops.vision.api.Health;
import org.districtops.vision.health.HealthCalculator.Weighted;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HealthCalculatorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final LocalDate DUE = START.plusDays(100);
    private static final LocalDate HALFWAY = START.plusDays(50);

    @Test
    void exactlyNinetyFivePercentOfExpectedIsOnTrack() {
        assertThat(HealthCalculator.classify(OptionalDouble.of(0.95))).isEqualTo(Health.ON_TRACK);
        assertThat(HealthCalculator.classify(OptionalDouble.of(0.9499))).isEqualTo(Health.AT_RISK);
    }

    @Test
    void exactlyEightyFivePercentOfExpectedIsAtRisk() {
        assertThat(HealthCalculator.classify(OptionalDouble.of(0.85))).isEqualTo(Health.AT_RISK);
        assertThat(HealthCalculator.classify(OptionalDouble.of(0.8499))).isEqualTo(Health.OFF_TRACK);
    }

    @Test
    void withoutDataThereIsNoHealth() {
        assertThat(HealthCalculator.classify(OptionalDouble.empty())).isEqualTo(Health.NO_DATA);
    }

    @Test
    void halfwayThroughAMilestoneHalfDoneIsOnTrack() {
        assertThat(HealthCalculator.milestoneScore(START, DUE, HALFWAY, 50).getAsDouble()).isEqualTo(1.0);
        assertThat(HealthCalculator.milestoneScore(START, DUE, HALFWAY, 48).getAsDouble()).isCloseTo(0.96, within(1e-9));
        assertThat(HealthCalculator.milestoneScore(START, DUE, HALFWAY, 45).getAsDouble()).isCloseTo(0.90, within(1e-9));
        assertThat(HealthCalculator.milestoneScore(START, DUE, HALFWAY, 40).getAsDouble()).isCloseTo(0.80, within(1e-9));
    }

    @Test
    void beforeItsStartNothingIsExpectedOfAMilestone() {
        assertThat(HealthCalculator.milestoneScore(START, DUE, START.minusDays(1), 0).getAsDouble()).isEqualTo(1.0);
        assertThat(HealthCalculator.milestoneScore(START, DUE, START, 0).getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void pastItsDueDateAnUnfinishedMilestoneIsScoredAgainstAHundredPercent() {
        assertThat(HealthCalculator.milestoneScore(START, DUE, DUE.plusDays(10), 90).getAsDouble()).isCloseTo(0.90, within(1e-9));
        assertThat(HealthCalculator.milestoneScore(START, DUE, DUE.plusDays(10), 100).getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void aMeasureHalfwayToItsTargetAtHalfTimeIsOnTrack() {
        LocalDate baselineDate = LocalDate.of(2024, 6, 30);
        Map<Integer, Double> targets = Map.of(2025, 90.0);
        LocalDate half = baselineDate.plusDays(182);
        assertThat(HealthCalculator.measureScore(80, baselineDate, targets, half, 85.0).getAsDouble()).isCloseTo(1.0, within(0.01));
        assertThat(HealthCalculator.measureScore(80, baselineDate, targets, half, 84.0).getAsDouble()).isCloseTo(0.8, within(0.01));
    }

    @Test
    void aDownIsBetterMeasureIsScoredByTheReductionAchieved() {
        LocalDate baselineDate = LocalDate.of(2024, 6, 30);
        Map<Integer, Double> targets = Map.of(2025, 10.0); // chronic absence from 20% to 10%
        LocalDate end = LocalDate.of(2025, 6, 30);
        assertThat(HealthCalculator.measureScore(20, baselineDate, targets, end, 10.0).getAsDouble()).isEqualTo(1.0);
        assertThat(HealthCalculator.measureScore(20, baselineDate, targets, end, 11.0).getAsDouble()).isCloseTo(0.9, within(1e-9));
        assertThat(HealthCalculator.measureScore(20, baselineDate, targets, end, 25.0).getAsDouble()).isEqualTo(0.0);
    }

    @Test
    void aMeasureFollowsEachYearlyTargetInTurn() {
        LocalDate baselineDate = LocalDate.of(2024, 6, 30);
        Map<Integer, Double> targets = Map.of(2025, 85.0, 2026, 90.0);
        // a year in, the first target is due: 85 expected
        assertThat(HealthCalculator.measureScore(80, baselineDate, targets, LocalDate.of(2025, 6, 30), 85.0).getAsDouble()).isEqualTo(1.0);
        // halfway through the second year: 87.5 expected, 86 is (86-80)/(87.5-80) = 0.8
        assertThat(HealthCalculator.measureScore(80, baselineDate, targets, LocalDate.of(2025, 6, 30).plusDays(182), 86.0)
                .getAsDouble()).isCloseTo(0.8, within(0.01));
    }

    @Test
    void aMeasureWithoutAnActualValueHasNoData() {
        assertThat(HealthCalculator.measureScore(80, LocalDate.of(2024, 6, 30), Map.of(2025, 90.0), LocalDate.of(2025, 1, 1), null)).isEmpty();
    }

    @Test
    void rollUpIsAWeightedAverageOfTheChildrenWithData() {
        OptionalDouble goal = HealthCalculator.rollUp(List.of(
                new Weighted(OptionalDouble.of(1.0), 3),
                new Weighted(OptionalDouble.of(0.6), 1),
                new Weighted(OptionalDouble.empty(), 5)));
        assertThat(goal.getAsDouble()).isCloseTo(0.9, within(1e-9));
        assertThat(HealthCalculator.classify(goal)).isEqualTo(Health.AT_RISK);
        assertThat(HealthCalculator.rollUp(List.of(new Weighted(OptionalDouble.empty(), 1)))).isEmpty();
    }
}
