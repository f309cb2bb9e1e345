package org.districtops.pilot.api;

/** Public event: success criteria were pre-registered before launch. */
public record CriteriaPreRegistered(String districtId, String pilotId, SuccessCriteria criteria) {
}
