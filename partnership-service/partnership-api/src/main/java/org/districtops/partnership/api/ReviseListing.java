package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revise a draft or returned listing. {@code actingPartnerId}: see {@link DraftListing}. */
public record ReviseListing(@TargetAggregateIdentifier ListingRef listing, ListingDetails details,
                            String actingPartnerId) {
}
