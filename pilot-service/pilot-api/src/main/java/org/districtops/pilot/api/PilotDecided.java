package org.districtops.pilot.api;

/** Public event: the lead decided; {@code evidenceTier} is ESSA's 1 (strongest) to 4. */
public record PilotDecided(String districtId, String pilotId, Decision decision, String rationale, int evidenceTier) {
}
