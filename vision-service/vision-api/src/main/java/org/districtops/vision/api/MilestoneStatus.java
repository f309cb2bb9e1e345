package org.districtops.vision.api;

/** What the owner says about a milestone in an update (its health is computed separately). */
public enum MilestoneStatus {
    NOT_STARTED,
    IN_PROGRESS,
    BLOCKED,
    COMPLETED
}
