package org.districtops.vision.health;

import org.districtops.vision.api.Health;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Health is computed, not typed: a score is actual progress divided by the progress expected at a date
 * (capped at 1). On track at {@value #ON_TRACK} or more, at risk from {@value #AT_RISK}, off track below.
 * Scores roll up milestone → goal → plan as weighted averages.
 */
public final class HealthCalculator {

    public static final double ON_TRACK = 0.95;
    public static final double AT_RISK = 0.85;

    private HealthCalculator() {
    }

    public static Health classify(OptionalDouble score) {
        if (score.isEmpty()) {
            return Health.NO_DATA;
        }
        double s = score.getAsDouble();
        return s >= ON_TRACK ? Health.ON_TRACK : s >= AT_RISK ? Health.AT_RISK : Health.OFF_TRACK;
    }

    /**
     * A milestone is expected to progress linearly from 0% at its start to 100% on its due date. Before the
     * start nothing is expected (score 1); without any update after the start, the last known percentage is 0.
     */
    public static OptionalDouble milestoneScore(LocalDate start, LocalDate due, LocalDate asOf, int percentComplete) {
        if (asOf.isBefore(start)) {
            return OptionalDouble.of(1.0);
        }
        long span = ChronoUnit.DAYS.between(start, due);
        double expected = span == 0 || !asOf.isBefore(due) ? 100.0
                : 100.0 * ChronoUnit.DAYS.between(start, asOf) / span;
        if (expected <= 0) {
            return OptionalDouble.of(1.0);
        }
        return OptionalDouble.of(Math.min(1.0, percentComplete / expected));
    }

    /**
     * A measure is expected to move linearly from its baseline (at the baseline date) to each yearly target
     * (due at the end of that school year, 30 June). The score is the change achieved over the change expected;
     * the direction is implied by the target, so "down is better" measures work the same way.
     *
     * @param targets year → target value
     * @param actual  the latest actual value on or before {@code asOf}, or null when none was recorded yet
     */
    public static OptionalDouble measureScore(double baseline, LocalDate baselineDate, Map<Integer, Double> targets,
                                              LocalDate asOf, Double actual) {
        if (actual == null || targets.isEmpty() || !asOf.isAfter(baselineDate)) {
            return OptionalDouble.empty();
        }
        TreeMap<Integer, Double> byYear = new TreeMap<>(targets);
        LocalDate fromDate = baselineDate;
        double fromValue = baseline;
        for (Map.Entry<Integer, Double> target : byYear.entrySet()) {
            LocalDate dueDate = LocalDate.of(target.getKey(), 6, 30);
            if (!dueDate.isAfter(fromDate)) {
                continue;
            }
            // the segment asOf falls in; past the last target, that target stays expected
            if (!asOf.isAfter(dueDate) || target.getKey().equals(byYear.lastKey())) {
                double fraction = Math.min(1.0, (double) ChronoUnit.DAYS.between(fromDate, asOf)
                        / ChronoUnit.DAYS.between(fromDate, dueDate));
                double expectedValue = fromValue + (target.getValue() - fromValue) * fraction;
                double expectedChange = expectedValue - baseline;
                if (Math.abs(expectedChange) < 1e-9) {
                    return OptionalDouble.of(1.0);
                }
                return OptionalDouble.of(Math.max(0.0, Math.min(1.0, (actual - baseline) / expectedChange)));
            }
            fromDate = dueDate;
            fromValue = target.getValue();
        }
        return OptionalDouble.empty();
    }

    /** One child of a roll-up: its score (empty: no data, left out) and its weight. */
    public record Weighted(OptionalDouble score, int weight) {
    }

    /** Weighted average of the children that have data; empty when none has. */
    public static OptionalDouble rollUp(List<Weighted> children) {
        double sum = 0;
        int weights = 0;
        for (Weighted child : children) {
            if (child.score().isPresent()) {
                sum += child.score().getAsDouble() * child.weight();
                weights += child.weight();
            }
        }
        return weights == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / weights);
    }
}
