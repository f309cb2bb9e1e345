package org.districtops.pilot.api;

/** All of a district's pilots for its staff, newest first. */
public record FindPilotBoard(String districtId) {
}
