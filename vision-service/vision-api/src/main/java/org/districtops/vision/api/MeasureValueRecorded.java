package org.districtops.vision.api;

import java.time.LocalDate;

/** Public event: the actual value of a measure on a date. */
public record MeasureValueRecorded(String districtId, String planId, String measureId, LocalDate asOf, double value,
                                   String narrative) {
}
