package org.districtops.vision.api;

/** Public event: a district started a strategic plan covering school years startYear..endYear. */
public record StrategicPlanCreated(String districtId, String planId, String title, int startYear, int endYear) {
}
