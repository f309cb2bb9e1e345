package org.districtops.partnership.api;

/** Public event: a placement was completed with an evaluation (rating 1–4 and comments). */
public record PlacementCompleted(String districtId, String listingId, String placementId, int rating, String comments) {
}
