package org.districtops.partnership.api;

/** Public event: a listing was submitted for the district's review. */
public record ListingSubmitted(String districtId, String listingId, String partnerId) {
}
