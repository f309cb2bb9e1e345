package org.districtops.pilot.api;

/**
 * Whether the goals a pilot claims to serve exist in the district's plan: VERIFIED against vision-service,
 * UNVERIFIED while vision-service could not be asked (checked again later), INVALID when some goal is unknown.
 */
public enum AlignmentStatus {
    VERIFIED,
    UNVERIFIED,
    INVALID
}
