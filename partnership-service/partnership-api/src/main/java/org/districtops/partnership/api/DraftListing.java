package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Draft a listing for partner {@code partnerId}. {@code actingPartnerId} is the partner organisation of the
 * user acting (null for district staff): a partner drafts only for itself.
 */
public record DraftListing(@TargetAggregateIdentifier ListingRef listing, String partnerId, ListingDetails details,
                           String actingPartnerId) {
}
