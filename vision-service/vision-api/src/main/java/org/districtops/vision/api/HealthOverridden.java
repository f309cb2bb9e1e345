package org.districtops.vision.api;

/** Public event: a measure's or milestone's health was overridden ({@code health} null: override cleared), and why. */
public record HealthOverridden(String districtId, String planId, String itemId, Health health, String reason) {
}
