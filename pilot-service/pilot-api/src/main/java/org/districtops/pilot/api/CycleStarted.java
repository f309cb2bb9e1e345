package org.districtops.pilot.api;

import java.time.LocalDate;

/** Public event: an iteration cycle started. */
public record CycleStarted(String districtId, String pilotId, String cycleId, int number, String plan,
                           LocalDate measureBy) {
}
