package org.districtops.pilot.api;

/** Identity of a pilot; the district is part of it. Its string form is the aggregate identifier. */
public record PilotRef(String districtId, String pilotId) {

    @Override
    public String toString() {
        return districtId + "/pilot/" + pilotId;
    }
}
