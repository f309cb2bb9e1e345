package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Revoke an award with a reason: its credential is listed as revoked from then on. */
public record RevokeAward(@TargetAggregateIdentifier AwardRef award, String reason, Instant revokedAt) {
}
