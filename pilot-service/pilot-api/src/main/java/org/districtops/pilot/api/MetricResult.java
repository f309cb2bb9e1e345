package org.districtops.pilot.api;

/**
 * The evaluation of one pre-registered metric in the latest cycle that measured it. Means are weighted by
 * students; {@code effectSize} is Cohen's d from unit-level values (null without at least two units per group);
 * {@code percentChange} is null for a zero baseline; comparison fields are null without a comparison.
 * Student counts are small-cell suppressed ("&lt;10"), and so is a mean over fewer than 10 students.
 */
public record MetricResult(String metricId, String name, String unit, Direction direction, double baseline,
                           double target, String cycleId, Double pilotMean, int pilotUnits, String pilotStudents,
                           Double comparisonMean, int comparisonUnits, String comparisonStudents,
                           Double differenceFromBaseline, Double percentChange, Double differenceFromComparison,
                           Double effectSize, Boolean targetMet, Boolean favorable) {
}
