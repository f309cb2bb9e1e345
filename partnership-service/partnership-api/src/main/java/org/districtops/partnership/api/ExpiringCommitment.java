package org.districtops.partnership.api;

import java.time.Instant;

/** An agreement or attestation about to expire. {@code item}: AGREEMENT or an {@link AttestationType} name. */
public record ExpiringCommitment(String partnerId, String partnerName, String item, Instant expiresAt) {
}
