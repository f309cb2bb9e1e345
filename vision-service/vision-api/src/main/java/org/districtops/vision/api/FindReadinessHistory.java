package org.districtops.vision.api;

/** Every completed readiness self-assessment of a district, per condition, oldest year first. */
public record FindReadinessHistory(String districtId) {
}
