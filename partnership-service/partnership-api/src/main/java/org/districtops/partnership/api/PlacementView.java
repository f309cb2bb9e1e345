package org.districtops.partnership.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A placement: the pseudonymous student id, school, hours logged and confirmed, and the completion evaluation. */
public record PlacementView(String placementId, String studentId, String school, LocalDate startedOn,
                            BigDecimal hoursLogged, BigDecimal hoursConfirmed, List<HoursEntry> hours,
                            boolean completed, Integer rating, String comments) {

    public record HoursEntry(String entryId, LocalDate workedOn, BigDecimal hours, boolean confirmed) {
    }
}
