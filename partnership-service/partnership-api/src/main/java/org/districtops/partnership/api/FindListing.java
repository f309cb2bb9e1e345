package org.districtops.partnership.api;

/** One listing with its status and review notes (district staff or the owning partner). */
public record FindListing(String districtId, String listingId) {
}
