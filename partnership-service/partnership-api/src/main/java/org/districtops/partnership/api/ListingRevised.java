package org.districtops.partnership.api;

/** Public event: a draft or returned listing was revised. */
public record ListingRevised(String districtId, String listingId, String partnerId, ListingDetails details) {
}
