package org.districtops.vision.api;

import java.time.LocalDate;

/** Public event: a measure's baseline changed, and why. */
public record MeasureBaselineChanged(String districtId, String planId, String measureId, double previousValue,
                                     LocalDate previousDate, double value, LocalDate date, String reason) {
}
