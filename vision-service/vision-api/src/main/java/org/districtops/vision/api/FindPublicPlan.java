package org.districtops.vision.api;

/** One strategic plan as the public sees it. */
public record FindPublicPlan(String districtId, String planId) {
}
