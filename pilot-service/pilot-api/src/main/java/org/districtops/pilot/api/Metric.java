package org.districtops.pilot.api;

/** A pre-registered success metric: what is measured, which way is better, from where to where. */
public record Metric(String metricId, String name, String unit, Direction direction, double baseline, double target) {
}
