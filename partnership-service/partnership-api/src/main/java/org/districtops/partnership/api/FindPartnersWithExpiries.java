package org.districtops.partnership.api;

/** Internal: every partner with an agreement or attestation on record (to re-arm expiry deadlines). */
public record FindPartnersWithExpiries() {
}
