package org.districtops.vision.api;

/**
 * Identity of a district's vision: one per district. Its string form is the aggregate identifier in the
 * event store, e.g. {@code demo-district/vision}.
 */
public record VisionRef(String districtId) {

    @Override
    public String toString() {
        return districtId + "/vision";
    }
}
