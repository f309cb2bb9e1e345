package org.districtops.pd.api;

/** Public event: a badge was retired. */
public record BadgeRetired(String districtId, String badgeId, String reason) {
}
