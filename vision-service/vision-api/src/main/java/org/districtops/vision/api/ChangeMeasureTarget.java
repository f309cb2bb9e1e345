package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Move a yearly target; the reason is required and shown publicly. */
public record ChangeMeasureTarget(@TargetAggregateIdentifier PlanRef plan, String measureId, int year, double value,
                                  String reason, @TargetAggregateVersion Long expectedVersion) {
}
