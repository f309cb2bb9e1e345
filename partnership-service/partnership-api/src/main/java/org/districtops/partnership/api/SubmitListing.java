package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Submit a draft or returned listing for the district's review. */
public record SubmitListing(@TargetAggregateIdentifier ListingRef listing, String actingPartnerId) {
}
