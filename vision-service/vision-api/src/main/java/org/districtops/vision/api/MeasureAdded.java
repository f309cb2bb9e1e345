package org.districtops.vision.api;

import java.time.LocalDate;
import java.util.List;

/** Public event: a goal got a measure with its baseline and yearly targets. */
public record MeasureAdded(String districtId, String planId, String goalId, String measureId, String name,
                           String unit, Direction direction, double baselineValue, LocalDate baselineDate,
                           List<YearTarget> targets) {
}
