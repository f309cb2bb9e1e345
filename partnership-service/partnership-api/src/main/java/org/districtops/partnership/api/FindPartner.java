package org.districtops.partnership.api;

/** One partner, for district staff or the partner itself. */
public record FindPartner(String districtId, String partnerId) {
}
