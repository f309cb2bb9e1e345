package org.districtops.pilot.api;

/** Which way a metric improves. */
public enum Direction {
    UP,
    DOWN
}
