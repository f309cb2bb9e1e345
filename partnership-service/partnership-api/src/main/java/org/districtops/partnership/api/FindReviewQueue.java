package org.districtops.partnership.api;

/** Listings submitted and awaiting the district's review. */
public record FindReviewQueue(String districtId) {
}
