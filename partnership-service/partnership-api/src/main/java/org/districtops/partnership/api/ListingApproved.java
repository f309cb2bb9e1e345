package org.districtops.partnership.api;

/** Public event: the district approved (published) a listing. */
public record ListingApproved(String districtId, String listingId, String partnerId) {
}
