package org.districtops.pilot.evaluation;

import org.districtops.kit.privacy.SmallCells;
import org.districtops.pilot.api.ComparisonGroup;
import org.districtops.pilot.api.Direction;
import org.districtops.pilot.api.Evaluation;
import org.districtops.pilot.api.Group;
import org.districtops.pilot.api.Metric;
import org.districtops.pilot.api.MetricResult;
import org.districtops.pilot.api.SuccessCriteria;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a pilot against its pre-registered criteria. Pure arithmetic on aggregate unit-level measurements
 * (schools or classrooms), so it is tested at the edges without any infrastructure.
 */
public final class PilotEvaluator {

    /** One unit's aggregate measurement. */
    public record Measurement(String cycleId, int cycleNumber, String metricId, Group group, double value, int students) {
    }

    private PilotEvaluator() {
    }

    public static Evaluation evaluate(String pilotId, SuccessCriteria criteria, List<Measurement> measurements) {
        List<MetricResult> results = new ArrayList<>();
        for (Metric metric : criteria.metrics()) {
            results.add(evaluate(metric, criteria.comparisonGroup(), measurements));
        }
        boolean favorable = results.stream().anyMatch(r -> Boolean.TRUE.equals(r.favorable()));
        boolean comparedFavorably = results.stream().anyMatch(r -> Boolean.TRUE.equals(r.favorable())
                && r.comparisonMean() != null);
        int tier;
        String reason;
        if (!favorable) {
            tier = 4;
            reason = "No metric moved the right way yet: a logic model at most (tier 4).";
        } else if (!comparedFavorably || criteria.comparisonGroup() == ComparisonGroup.NONE) {
            tier = 4;
            reason = "Favorable results without a comparison group: a logic model (tier 4).";
        } else {
            tier = switch (criteria.comparisonGroup()) {
                case RANDOMIZED -> 1;
                case MATCHED_CLASSROOMS -> 2;
                case PRIOR_YEAR_BASELINE -> 3;
                case NONE -> 4;
            };
            reason = switch (tier) {
                case 1 -> "Favorable against randomly assigned classrooms (tier 1, strong).";
                case 2 -> "Favorable against matched classrooms: quasi-experimental (tier 2, moderate).";
                default -> "Favorable against the prior-year baseline: correlational (tier 3, promising).";
            };
        }
        return new Evaluation(pilotId, criteria.comparisonGroup(), results, tier, reason);
    }

    static MetricResult evaluate(Metric metric, ComparisonGroup comparison, List<Measurement> all) {
        int latestCycle = all.stream().filter(m -> m.metricId().equals(metric.metricId()) && m.group() == Group.PILOT)
                .mapToInt(Measurement::cycleNumber).max().orElse(-1);
        if (latestCycle < 0) {
            return new MetricResult(metric.metricId(), metric.name(), metric.unit(), metric.direction(),
                    metric.baseline(), metric.target(), null, null, 0, SmallCells.count(0), null, 0, SmallCells.count(0),
                    null, null, null, null, null, null);
        }
        List<Measurement> inCycle = all.stream()
                .filter(m -> m.metricId().equals(metric.metricId()) && m.cycleNumber() == latestCycle).toList();
        List<Measurement> pilot = inCycle.stream().filter(m -> m.group() == Group.PILOT).toList();
        List<Measurement> compared = inCycle.stream().filter(m -> m.group() == Group.COMPARISON).toList();
        double pilotMean = weightedMean(pilot);
        Double comparisonMean = comparison == ComparisonGroup.PRIOR_YEAR_BASELINE ? Double.valueOf(metric.baseline())
                : compared.isEmpty() ? null : weightedMean(compared);
        double sign = metric.direction() == Direction.UP ? 1 : -1;
        double fromBaseline = pilotMean - metric.baseline();
        Double percentChange = metric.baseline() == 0 ? null : 100.0 * fromBaseline / Math.abs(metric.baseline());
        Double fromComparison = comparisonMean == null ? null : pilotMean - comparisonMean;
        boolean targetMet = sign * (pilotMean - metric.target()) >= 0;
        boolean favorable = fromComparison != null ? sign * fromComparison > 0 : sign * fromBaseline > 0;
        if (suppressed(pilotMean, pilot) == null) {
            // fewer than 10 students: no figure from which their mean could be derived is published
            fromBaseline = Double.NaN;
            percentChange = null;
            fromComparison = null;
        }
        return new MetricResult(metric.metricId(), metric.name(), metric.unit(), metric.direction(), metric.baseline(),
                metric.target(), pilot.get(0).cycleId(), suppressed(pilotMean, pilot), pilot.size(),
                SmallCells.count(students(pilot)),
                compared.isEmpty() ? comparisonMean : suppressed(comparisonMean, compared), compared.size(),
                SmallCells.count(students(compared)), Double.isNaN(fromBaseline) ? null : fromBaseline, percentChange,
                fromComparison, fromComparison == null ? null : cohensD(pilot, compared), targetMet, favorable);
    }

    /** A mean over fewer than 10 students (who were counted) is not published. */
    private static Double suppressed(Double mean, List<Measurement> units) {
        int students = students(units);
        return students > 0 && students < SmallCells.DEFAULT_THRESHOLD ? null : mean;
    }

    /** Mean weighted by students; a plain mean when no unit reports a student count. */
    static double weightedMean(List<Measurement> units) {
        int students = students(units);
        if (students == 0) {
            return units.stream().mapToDouble(Measurement::value).average().orElse(Double.NaN);
        }
        return units.stream().mapToDouble(m -> m.value() * m.students()).sum() / students;
    }

    /** Cohen's d over unit values with a pooled standard deviation; null when it cannot be computed. */
    static Double cohensD(List<Measurement> pilot, List<Measurement> comparison) {
        if (pilot.size() < 2 || comparison.size() < 2) {
            return null;
        }
        double m1 = mean(pilot);
        double m2 = mean(comparison);
        double pooled = Math.sqrt(((pilot.size() - 1) * variance(pilot, m1) + (comparison.size() - 1) * variance(comparison, m2))
                / (pilot.size() + comparison.size() - 2));
        return pooled == 0 ? null : (m1 - m2) / pooled;
    }

    private static double mean(List<Measurement> units) {
        return units.stream().mapToDouble(Measurement::value).average().orElse(Double.NaN);
    }

    private static double variance(List<Measurement> units, double mean) {
        return units.stream().mapToDouble(m -> (m.value() - mean) * (m.value() - mean)).sum() / (units.size() - 1);
    }

    private static int students(List<Measurement> units) {
        return units.stream().mapToInt(Measurement::students).sum();
    }
}
