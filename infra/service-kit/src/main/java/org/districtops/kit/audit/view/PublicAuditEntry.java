package org.districtops.kit.audit.view;

import java.time.Instant;

/**
 * One public-safe event, redacted: the role that acted but never who; a summary written for the public; no
 * correlation id (it would link the entry to a person's other requests).
 */
public record PublicAuditEntry(String eventId, Instant at, String service, String districtId, String eventType,
                               String summary, String aggregateType, String aggregateId, String actorRole) {
}
