package org.districtops.partnership.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Public event: hours a placed student worked were logged (by district staff, on the student's behalf). */
public record PlacementHoursLogged(String districtId, String listingId, String placementId, String entryId,
                                   LocalDate workedOn, BigDecimal hours) {
}
