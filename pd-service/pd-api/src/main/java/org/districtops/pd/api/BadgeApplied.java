package org.districtops.pd.api;

/** Public event: an educator applied for a badge with evidence. */
public record BadgeApplied(String districtId, String awardId, String educatorId, String badgeId, int badgeVersion,
                           Evidence evidence) {
}
