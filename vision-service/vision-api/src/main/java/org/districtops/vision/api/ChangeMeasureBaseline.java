package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Correct a measure's baseline; the reason is required and shown publicly. */
public record ChangeMeasureBaseline(@TargetAggregateIdentifier PlanRef plan, String measureId, double value,
                                    LocalDate date, String reason, @TargetAggregateVersion Long expectedVersion) {
}
