package org.districtops.partnership.api;

/** Placements on one listing (district staff or the owning partner). */
public record FindPlacements(String districtId, String listingId) {
}
