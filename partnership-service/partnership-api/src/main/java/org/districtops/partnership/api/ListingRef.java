package org.districtops.partnership.api;

/** Identity of an opportunity listing; the district is part of it. Its string form is the aggregate identifier. */
public record ListingRef(String districtId, String listingId) {

    @Override
    public String toString() {
        return districtId + "/listing/" + listingId;
    }
}
