package org.districtops.partnership.api;

import java.time.Instant;

/** Public event: an attestation reached its expiry (recorded by a deadline). */
public record AttestationExpired(String districtId, String partnerId, AttestationType type, Instant expiredAt) {
}
