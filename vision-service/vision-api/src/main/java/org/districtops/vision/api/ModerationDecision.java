package org.districtops.vision.api;

/** The outcome of moderating a comment. Only approved comments are ever shown publicly. */
public enum ModerationDecision {
    APPROVED,
    REJECTED
}
