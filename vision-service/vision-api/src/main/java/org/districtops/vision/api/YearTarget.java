package org.districtops.vision.api;

/** The value a measure should reach by the end of the school year ending in {@code year}. */
public record YearTarget(int year, double value) {
}
