package org.districtops.partnership.api;

/** Internal: published (APPROVED) listings in every district, to re-arm their expiry deadlines. */
public record FindPublishedListings() {
}
