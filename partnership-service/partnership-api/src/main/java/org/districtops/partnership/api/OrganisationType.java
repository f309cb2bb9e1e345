package org.districtops.partnership.api;

/** The kind of organisation a partner is. */
public enum OrganisationType {
    BUSINESS,
    COMMUNITY_ORGANISATION,
    HIGHER_EDUCATION,
    GOVERNMENT,
    FAITH_BASED,
    OTHER
}
