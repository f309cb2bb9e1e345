package org.districtops.vision.api;

/**
 * Computed, never typed: actual progress against what was expected by a date. On track at 95% or more of
 * the expected progress, at risk from 85%, off track below; NO_DATA before anything can be measured.
 */
public enum Health {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    NO_DATA
}
