package org.districtops.partnership.api;

/** Public event: a staff contact of the partner was removed. */
public record PartnerContactRemoved(String districtId, String partnerId, String contactId) {
}
