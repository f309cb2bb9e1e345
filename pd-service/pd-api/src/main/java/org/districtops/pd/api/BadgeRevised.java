package org.districtops.pd.api;

/** Public event: a badge got a new version (previous + 1). */
public record BadgeRevised(String districtId, String badgeId, int version, BadgeTerms terms, AlignmentStatus alignment) {
}
