package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An educator applies for a badge with evidence; PD staff approve or return it. */
public record ApplyForBadge(@TargetAggregateIdentifier AwardRef award, String educatorId, BadgeVersionTerms badge,
                            Evidence evidence) {
}
