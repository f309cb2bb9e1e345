package org.districtops.pd.api;

/** Public event: a badge entered the catalog as version 1. */
public record BadgeDefined(String districtId, String badgeId, int version, BadgeTerms terms, AlignmentStatus alignment) {
}
