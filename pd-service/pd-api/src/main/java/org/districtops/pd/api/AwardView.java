package org.districtops.pd.api;

import java.time.Instant;

/**
 * One award as staff and the educator see it. {@code status}: APPLIED, RETURNED, AWARDED, REVOKED; expiry is
 * computed when read: {@code expired} once {@code validUntil} has passed, {@code renewalDue} within the
 * reminder window before it.
 */
public record AwardView(String districtId, String awardId, String educatorId, String badgeId, int badgeVersion,
                        String status, AwardRoute route, Evidence evidence, Instant awardedAt, Instant validFrom,
                        Instant validUntil, boolean expired, boolean renewalDue, Instant revokedAt,
                        String revocationReason, String returnComment, long version) {
}
