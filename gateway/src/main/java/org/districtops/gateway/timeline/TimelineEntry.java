package org.districtops.gateway.timeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** One public audit entry of a service, as the services publish it (already redacted by them). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TimelineEntry(String eventId, Instant at, String service, String districtId, String eventType,
                            String summary, String aggregateType, String aggregateId, String actorRole) {
}
