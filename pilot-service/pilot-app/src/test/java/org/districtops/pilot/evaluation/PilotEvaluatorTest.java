package org.districtops.pilot.evaluation;

import org.districtops.pilot.api.ComparisonGroup;
import org.districtops.pilot.api.Direction;
import org.districtops.pilot.api.Evaluation;
import org.districtops.pilot.api.Group;
import org.districtops.pilot.api.Metric;
import org.districtops.pilot.api.MetricResult;
import org.districtops.pilot.api.SuccessCriteria;
import org.districtops.pilot.evaluation.PilotEvaluator.Measurement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Evaluation arithmetic at its edges. */
class PilotEvaluatorTest {

    private static final Metric PROFICIENCY = new Metric("m1", "Proficiency", "%", Direction.UP, 40, 50);

    private static SuccessCriteria criteria(ComparisonGroup group) {
        return new SuccessCriteria(List.of(PROFICIENCY), group, "rule");
    }

    private static Measurement pilot(double value, int students) {
        return new Measurement("c1", 1, "m1", Group.PILOT, value, students);
    }

    private static Measurement comparison(double value, int students) {
        return new Measurement("c1", 1, "m1", Group.COMPARISON, value, students);
    }

    @Test
    void meansAreWeightedByStudentsAndComparedWithMatchedClassrooms() {
        Evaluation e = PilotEvaluator.evaluate("p1", criteria(ComparisonGroup.MATCHED_CLASSROOMS),
                List.of(pilot(50, 30), pilot(60, 10), comparison(44, 20), comparison(46, 20)));
        MetricResult r = e.metrics().get(0);
        assertThat(r.pilotMean()).isEqualTo(52.5);
        assertThat(r.comparisonMean()).isEqualTo(45.0);
        assertThat(r.differenceFromComparison()).isEqualTo(7.5);
        assertThat(r.differenceFromBaseline()).isEqualTo(12.5);
        assertThat(r.targetMet()).isTrue();
        assertThat(r.effectSize()).isCloseTo((55.0 - 45.0) / Math.sqrt((50 + 2) / 2.0), within(1e-9));
        assertThat(e.proposedEvidenceTier()).isEqualTo(2);
    }

    @Test
    void withoutAComparisonGroupTheBestTierIsFour() {
        Evaluation e = PilotEvaluator.evaluate("p1", criteria(ComparisonGroup.NONE), List.of(pilot(55, 40)));
        assertThat(e.metrics().get(0).comparisonMean()).isNull();
        assertThat(e.metrics().get(0).effectSize()).isNull();
        assertThat(e.metrics().get(0).favorable()).isTrue();
        assertThat(e.proposedEvidenceTier()).isEqualTo(4);
    }

    @Test
    void aMissingComparisonMeasurementLeavesTheComparisonEmpty() {
        Evaluation e = PilotEvaluator.evaluate("p1", criteria(ComparisonGroup.MATCHED_CLASSROOMS), List.of(pilot(55, 40)));
        assertThat(e.metrics().get(0).comparisonMean()).isNull();
        assertThat(e.metrics().get(0).differenceFromComparison()).isNull();
        assertThat(e.proposedEvidenceTier()).isEqualTo(4);
    }

    @Test
    void thePriorYearBaselineIsTheComparisonForTierThree() {
        Evaluation e = PilotEvaluator.evaluate("p1", criteria(ComparisonGroup.PRIOR_YEAR_BASELINE), List.of(pilot(45, 40)));
        assertThat(e.metrics().get(0).comparisonMean()).isEqualTo(40.0);
        assertThat(e.proposedEvidenceTier()).isEqualTo(3);
    }

    @Test
    void aZeroBaselineHasNoPercentChange() {
        Metric fromZero = new Metric("m1", "Students in internships", "count", Direction.UP, 0, 20);
        Evaluation e = PilotEvaluator.evaluate("p1", new SuccessCriteria(List.of(fromZero), ComparisonGroup.NONE, "r"),
                List.of(pilot(12, 40)));
        assertThat(e.metrics().get(0).percentChange()).isNull();
        assertThat(e.metrics().get(0).differenceFromBaseline()).isEqualTo(12.0);
    }

    @Test
    void aDownIsBetterMetricIsFavorableWhenItFalls() {
        Metric absence = new Metric("m1", "Chronic absence", "%", Direction.DOWN, 20, 15);
        Evaluation e = PilotEvaluator.evaluate("p1", new SuccessCriteria(List.of(absence), ComparisonGroup.RANDOMIZED, "r"),
                List.of(pilot(14, 40), pilot(16, 40), comparison(19, 40), comparison(21, 40)));
        assertThat(e.metrics().get(0).favorable()).isTrue();
        assertThat(e.metrics().get(0).targetMet()).isTrue();
        assertThat(e.proposedEvidenceTier()).isEqualTo(1);
    }

    @Test
    void onlyTheLatestCycleCounts() {
        Evaluation e = PilotEvaluator.evaluate("p1", criteria(ComparisonGroup.NONE), List.of(pilot(60, 40),
                new Measurement("c2", 2, "m1", Group.PILOT, 38, 40)));
        assertThat(e.metrics().get(0).pilotMean()).isEqualTo(38.0);
        assertThat(e.metrics().get(0).favorable()).isFalse();
        assertThat(e.proposedEvidenceTier()).isEqualTo(4);
    }

    @Test
    void aGroupOfFewerThanTenStudentsIsSuppressed() {
        Evaluation e = PilotEvaluator.evaluate("p1", criteria(ComparisonGroup.NONE), List.of(pilot(70, 6)));
        MetricResult r = e.metrics().get(0);
        assertThat(r.pilotStudents()).isEqualTo("<10");
        assertThat(r.pilotMean()).isNull();
        assertThat(r.differenceFromBaseline()).isNull();
        assertThat(r.percentChange()).isNull();
    }

    @Test
    void aMetricNeverMeasuredHasNoResult() {
        Evaluation e = PilotEvaluator.evaluate("p1", criteria(ComparisonGroup.NONE), List.of());
        assertThat(e.metrics().get(0).pilotMean()).isNull();
        assertThat(e.metrics().get(0).favorable()).isNull();
        assertThat(e.proposedEvidenceTier()).isEqualTo(4);
    }
}
