package org.districtops.pd.api;

import java.time.Instant;

/** Public event: an award was renewed; a new credential is valid from {@code validFrom} to {@code validUntil}. */
public record AwardRenewed(String districtId, String awardId, Evidence evidence, Instant validFrom, Instant validUntil) {
}
