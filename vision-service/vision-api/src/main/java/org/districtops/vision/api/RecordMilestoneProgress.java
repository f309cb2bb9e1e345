package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * The owner reports where a milestone stands on a date: percent complete, status (null: derived from the
 * percentage) and what happened.
 */
public record RecordMilestoneProgress(@TargetAggregateIdentifier PlanRef plan, String milestoneId, LocalDate asOf,
                                      int percentComplete, MilestoneStatus status, String narrative,
                                      @TargetAggregateVersion Long expectedVersion) {
}
