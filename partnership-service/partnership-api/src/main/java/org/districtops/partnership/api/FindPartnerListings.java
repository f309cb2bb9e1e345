package org.districtops.partnership.api;

/** A partner's own listings: the partner portal. */
public record FindPartnerListings(String districtId, String partnerId) {
}
