package org.districtops.pd.api;

/** Public event: a school is known to pd-service (schools are not personal data). */
public record SchoolRegistered(String districtId, String schoolId, String name, String identifier) {
}
