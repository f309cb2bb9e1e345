package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a published listing, or mark it filled. */
public record EndListing(@TargetAggregateIdentifier ListingRef listing, ListingOutcome outcome, String actingPartnerId) {
}
