package org.districtops.partnership.api;

/** Identity of a partner organisation; the district is part of it. Its string form is the aggregate identifier. */
public record PartnerRef(String districtId, String partnerId) {

    @Override
    public String toString() {
        return districtId + "/partner/" + partnerId;
    }
}
