package org.districtops.partnership.api;

/** Public event: a published listing was closed or filled. */
public record ListingEnded(String districtId, String listingId, String partnerId, ListingOutcome outcome) {
}
