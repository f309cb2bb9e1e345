package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a badge out of the catalog: no new awards; awards already made stay valid. */
public record RetireBadge(@TargetAggregateIdentifier BadgeRef badge, String reason) {
}
