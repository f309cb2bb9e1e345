package org.districtops.kit.audit.view;

/** The service's name as it appears on audit entries and the district timeline ("vision", "pilots", …). */
public record AuditServiceName(String name) {
}
