package org.districtops.partnership.api;

import java.time.Instant;

/** Public event: the partner's agreement reached its expiry (recorded by a deadline, not a nightly job). */
public record AgreementExpired(String districtId, String partnerId, Instant expiredAt) {
}
