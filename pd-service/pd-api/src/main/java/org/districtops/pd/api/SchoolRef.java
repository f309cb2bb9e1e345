package org.districtops.pd.api;

/** Identity of a school (an Ed-Fi School; its OneRoster org sourcedId). */
public record SchoolRef(String districtId, String schoolId) {

    @Override
    public String toString() {
        return districtId + "/school/" + schoolId;
    }
}
