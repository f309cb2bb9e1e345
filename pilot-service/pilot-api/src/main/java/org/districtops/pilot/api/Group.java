package org.districtops.pilot.api;

/** Whether a measurement is of the pilot's own classrooms or of the comparison group. */
public enum Group {
    PILOT,
    COMPARISON
}
