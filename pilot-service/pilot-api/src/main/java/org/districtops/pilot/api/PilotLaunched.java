package org.districtops.pilot.api;

import java.time.LocalDate;

/** Public event: the pilot launched and its criteria are locked. */
public record PilotLaunched(String districtId, String pilotId, LocalDate launchedOn) {
}
