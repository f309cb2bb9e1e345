package org.districtops.pd.api;

/** Identity of an educator: an opaque id. Names and emails are never in events (see the personal-data store). */
public record EducatorRef(String districtId, String educatorId) {

    @Override
    public String toString() {
        return districtId + "/educator/" + educatorId;
    }
}
