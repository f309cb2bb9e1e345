package org.districtops.pilot.api;

/** The context a pilot runs in, so the menu shows how a model did at each level. */
public enum SchoolLevel {
    ELEMENTARY,
    MIDDLE,
    HIGH,
    K8,
    K12,
    OTHER
}
