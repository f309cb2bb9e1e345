package org.districtops.pilot.api;

/** Public event: the district shares (or stops sharing) its proven models with other districts. */
public record ProvenModelSharingSet(String districtId, boolean shared) {
}
