package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Renew an award of an expiring badge: valid again for the badge's validity period from {@code renewedAt}. */
public record RenewAward(@TargetAggregateIdentifier AwardRef award, Evidence evidence, Instant renewedAt) {
}
