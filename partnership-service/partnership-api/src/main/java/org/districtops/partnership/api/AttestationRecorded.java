package org.districtops.partnership.api;

import java.time.Instant;

/** Public event: an attestation was recorded or renewed, valid until {@code expiresAt}. */
public record AttestationRecorded(String districtId, String partnerId, AttestationType type, Instant expiresAt,
                                  String reference) {
}
