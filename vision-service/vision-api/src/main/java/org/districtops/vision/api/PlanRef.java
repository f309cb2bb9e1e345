package org.districtops.vision.api;

/**
 * Identity of a strategic plan: the district is part of it, so one deployment serves many districts.
 * Its string form is the aggregate identifier in the event store.
 */
public record PlanRef(String districtId, String planId) {

    @Override
    public String toString() {
        return districtId + "/plan/" + planId;
    }
}
