package org.districtops.kit.audit.view;

import java.time.Instant;

/**
 * One event as staff and auditors see it in the audit view.
 *
 * @param position global position in the service's event store (ties in {@code at} are ordered by it)
 */
public record AuditEntry(String eventId, long position, Instant at, String service, String districtId,
                         String eventType, String summary, String aggregateType, String aggregateId, Long sequence,
                         String actorId, String actorRole, String correlationId, boolean publicEntry,
                         boolean restricted) {
}
