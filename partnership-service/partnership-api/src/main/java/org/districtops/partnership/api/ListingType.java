package org.districtops.partnership.api;

/** Kinds of work-based learning opportunity a partner can offer. */
public enum ListingType {
    INTERNSHIP,
    MENTORSHIP,
    JOB_SHADOW,
    APPRENTICESHIP,
    SERVICE_LEARNING,
    WORK_BASED_PROJECT,
    GUEST_SPEAKER
}
