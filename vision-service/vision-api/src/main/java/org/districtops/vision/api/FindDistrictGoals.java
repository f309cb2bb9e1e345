package org.districtops.vision.api;

/** The goals of all of a district's plans, for other services to align pilots, badges and partners with. */
public record FindDistrictGoals(String districtId) {
}
