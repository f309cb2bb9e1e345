package org.districtops.vision.api;

/** All strategic plans of a district, as the public sees them. */
public record FindPublicPlans(String districtId) {
}
