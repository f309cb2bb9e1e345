package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Move a milestone's due date; the reason is required and shown publicly. */
public record ChangeMilestoneDueDate(@TargetAggregateIdentifier PlanRef plan, String milestoneId, LocalDate due,
                                     String reason, @TargetAggregateVersion Long expectedVersion) {
}
