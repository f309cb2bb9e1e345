package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

/** Add a measure to a goal: unit, direction, baseline (value at a date) and yearly targets. */
public record AddMeasure(@TargetAggregateIdentifier PlanRef plan, String goalId, String measureId, String name,
                         String unit, Direction direction, double baselineValue, LocalDate baselineDate,
                         List<YearTarget> targets, @TargetAggregateVersion Long expectedVersion) {
}
