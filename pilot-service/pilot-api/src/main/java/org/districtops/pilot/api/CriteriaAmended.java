package org.districtops.pilot.api;

/** Public event: locked criteria were amended after launch, with the previous criteria and the reason. */
public record CriteriaAmended(String districtId, String pilotId, SuccessCriteria previous, SuccessCriteria criteria,
                              String reason) {
}
