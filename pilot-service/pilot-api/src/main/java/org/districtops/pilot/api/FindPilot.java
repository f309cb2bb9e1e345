package org.districtops.pilot.api;

/** One pilot, as the public sees it. */
public record FindPilot(String districtId, String pilotId) {
}
