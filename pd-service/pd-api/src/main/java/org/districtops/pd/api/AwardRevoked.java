package org.districtops.pd.api;

import java.time.Instant;

/** Public event: an award was revoked. */
public record AwardRevoked(String districtId, String awardId, String reason, Instant revokedAt) {
}
