package org.districtops.pilot.api;

/** A district's proven-model sharing choice; its string form is the aggregate identifier. */
public record SharingRef(String districtId) {

    @Override
    public String toString() {
        return districtId + "/model-sharing";
    }
}
