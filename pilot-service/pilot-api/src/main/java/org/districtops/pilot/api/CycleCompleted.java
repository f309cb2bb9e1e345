package org.districtops.pilot.api;

/** Public event: a cycle closed with its observations and next changes. */
public record CycleCompleted(String districtId, String pilotId, String cycleId, String observed, String nextChanges) {
}
