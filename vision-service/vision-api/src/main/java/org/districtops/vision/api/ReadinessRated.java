package org.districtops.vision.api;

/** Public event: the district rated itself on one condition for a school year. */
public record ReadinessRated(String districtId, int year, DistrictCondition condition, int rating, String evidence) {
}
