package org.districtops.partnership.api;

/** Every partner of the district, for district staff. */
public record FindPartners(String districtId) {
}
