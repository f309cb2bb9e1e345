package org.districtops.pd.api;

/** Public event: a school's name or identifier changed in the roster. */
public record SchoolUpdated(String districtId, String schoolId, String name, String identifier) {
}
