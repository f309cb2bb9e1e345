package org.districtops.partnership.api;

/** Public event: a partner's listing was drafted. */
public record ListingDrafted(String districtId, String listingId, String partnerId, ListingDetails details) {
}
