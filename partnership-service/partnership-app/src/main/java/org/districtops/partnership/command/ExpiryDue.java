package org.districtops.partnership.command;

import java.time.Instant;

/**
 * Payload of an expiry deadline: which commitment ({@code AGREEMENT}, an attestation type, or {@code LISTING})
 * and the expiry it was scheduled for. A deadline whose expiry was renewed in the meantime is ignored.
 */
record ExpiryDue(String item, Instant expiresAt) {

    static final String DEADLINE = "expiry";
    static final String AGREEMENT = "AGREEMENT";
    static final String LISTING = "LISTING";
}
