package org.districtops.vision.api;

/** Which way a measure improves: up (graduation rate) or down (chronic absence). */
public enum Direction {
    UP,
    DOWN
}
