package org.districtops.pd.api;

/** One badge of a district's catalog. */
public record FindBadge(String districtId, String badgeId) {
}
