package org.districtops.kit.audit.view;

import java.time.Instant;

/**
 * Filters of the audit view; null means "any". {@code from} is inclusive, {@code to} exclusive, so a caller can
 * page backwards in time by passing the oldest {@code at} it has as the next {@code to}.
 */
public record AuditQuery(String districtId, String aggregateType, String aggregateId, String actorId,
                         String eventType, Instant from, Instant to) {
}
