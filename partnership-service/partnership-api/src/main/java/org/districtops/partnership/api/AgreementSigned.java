package org.districtops.partnership.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Public event: the partner's agreement (MOU) was recorded or renewed; it expires at {@code expiresAt}. */
public record AgreementSigned(String districtId, String partnerId, LocalDate start, LocalDate end, Instant expiresAt,
                              List<String> goalIds, AlignmentStatus alignment) {
}
