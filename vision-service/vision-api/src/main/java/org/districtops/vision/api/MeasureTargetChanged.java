package org.districtops.vision.api;

/** Public event: a yearly target moved from {@code previousValue} (null: new year) to {@code value}, and why. */
public record MeasureTargetChanged(String districtId, String planId, String measureId, int year,
                                   Double previousValue, double value, String reason) {
}
