package org.districtops.partnership.api;

/** A partner's staff contact (an adult): name, role, email and phone. Not student data. */
public record Contact(String contactId, String name, String role, String email, String phone) {
}
