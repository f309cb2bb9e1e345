package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The partner's supervisor (or district staff) completes a placement with an evaluation: a rating 1–4
 * (1 = not yet meeting expectations, 4 = exceeding) and comments about the work, never contact data.
 */
public record CompletePlacement(@TargetAggregateIdentifier ListingRef listing, String placementId, int rating,
                                String comments, String actingPartnerId) {
}
