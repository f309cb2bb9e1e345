package org.districtops.vision.api;

/** Public event: a year's readiness self-assessment is complete. */
public record ReadinessAssessmentCompleted(String districtId, int year) {
}
