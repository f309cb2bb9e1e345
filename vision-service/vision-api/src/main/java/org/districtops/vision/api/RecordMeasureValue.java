package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Record the actual value of a measure on a date. */
public record RecordMeasureValue(@TargetAggregateIdentifier PlanRef plan, String measureId, LocalDate asOf,
                                 double value, String narrative, @TargetAggregateVersion Long expectedVersion) {
}
