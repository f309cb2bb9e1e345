package org.districtops.partnership.api;

/** Public event: the district declined a listing, with a reason. */
public record ListingDeclined(String districtId, String listingId, String partnerId, String reason) {
}
