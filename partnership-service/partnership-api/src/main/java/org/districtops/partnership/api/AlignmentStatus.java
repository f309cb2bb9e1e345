package org.districtops.partnership.api;

/**
 * Whether the vision goals an agreement names exist in the district's plan: VERIFIED against vision-service,
 * UNVERIFIED while vision-service could not be asked, INVALID when some goal is unknown.
 */
public enum AlignmentStatus {
    VERIFIED,
    UNVERIFIED,
    INVALID
}
