package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Override the computed health of a measure or milestone, with a public reason; {@code health} null clears
 * the override and the computed health applies again.
 */
public record OverrideHealth(@TargetAggregateIdentifier PlanRef plan, String itemId, Health health, String reason,
                             @TargetAggregateVersion Long expectedVersion) {
}
