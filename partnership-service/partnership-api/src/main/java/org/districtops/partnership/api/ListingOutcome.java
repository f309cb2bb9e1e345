package org.districtops.partnership.api;

/** How a partner or the district ends a published listing. */
public enum ListingOutcome {
    CLOSED,
    FILLED
}
