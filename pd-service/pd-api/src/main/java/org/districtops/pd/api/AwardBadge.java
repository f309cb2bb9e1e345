package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * PD staff (or the pathway handler) award a badge to an educator. {@code awardedAt} may be in the past
 * (recording PD done earlier), never in the future. Allowed when there is no award yet, or it was revoked
 * or returned; a second award of an active badge is a conflict.
 */
public record AwardBadge(@TargetAggregateIdentifier AwardRef award, String educatorId, BadgeVersionTerms badge,
                         Evidence evidence, Instant awardedAt, AwardRoute route) {
}
