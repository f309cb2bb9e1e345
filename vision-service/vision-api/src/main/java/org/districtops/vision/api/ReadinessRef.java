package org.districtops.vision.api;

/** A district's readiness self-assessment for the school year ending in {@code year}. */
public record ReadinessRef(String districtId, int year) {

    @Override
    public String toString() {
        return districtId + "/readiness/" + year;
    }
}
