package org.districtops.partnership.api;

/** Public event: a staff contact of the partner was added (an adult; name, role, email, phone). */
public record PartnerContactAdded(String districtId, String partnerId, Contact contact) {
}
