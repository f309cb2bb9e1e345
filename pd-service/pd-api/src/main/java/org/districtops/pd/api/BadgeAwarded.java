package org.districtops.pd.api;

import java.time.Instant;

/** Public event: a badge was awarded; {@code validUntil} null = no expiry. */
public record BadgeAwarded(String districtId, String awardId, String educatorId, String badgeId, int badgeVersion,
                           Evidence evidence, Instant awardedAt, Instant validUntil, AwardRoute route) {
}
