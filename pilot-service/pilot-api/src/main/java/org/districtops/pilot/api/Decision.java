package org.districtops.pilot.api;

/** What the lead decides after evaluating. SCALE makes the model a proven model other schools can adopt. */
public enum Decision {
    SCALE,
    CONTINUE,
    MODIFY,
    STOP
}
