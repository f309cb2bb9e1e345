package org.districtops.partnership.api;

import java.time.LocalDate;

/** Public figures: open opportunities by type and pathway; placements and confirmed hours per school. */
public record FindPartnershipFigures(String districtId, LocalDate today) {
}
