package org.districtops.partnership.api;

import java.time.Instant;

/** Agreements and attestations of the district's partners that expire before {@code before} (and are not yet expired). */
public record FindExpiringCommitments(String districtId, Instant before) {
}
