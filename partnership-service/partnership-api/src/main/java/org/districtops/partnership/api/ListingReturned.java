package org.districtops.partnership.api;

/** Public event: the district returned a listing to the partner to revise, with a reason. */
public record ListingReturned(String districtId, String listingId, String partnerId, String reason) {
}
