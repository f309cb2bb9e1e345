package org.districtops.pd.api;

/** Identity of a badge in a district's catalog; its string form is the aggregate identifier. */
public record BadgeRef(String districtId, String badgeId) {

    @Override
    public String toString() {
        return districtId + "/badge/" + badgeId;
    }
}
