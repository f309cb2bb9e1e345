package org.districtops.partnership.api;

/**
 * A listing's workflow: DRAFT → SUBMITTED → APPROVED (published) or RETURNED (to revise) or DECLINED; an approved
 * listing ends CLOSED, FILLED or EXPIRED (past its applyUntil date).
 */
public enum ListingStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    DECLINED,
    APPROVED,
    CLOSED,
    FILLED,
    EXPIRED
}
