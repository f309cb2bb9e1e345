package org.districtops.pilot.api;

/** The district's menu of proven models. */
public record FindProvenModels(String districtId) {
}
