package org.districtops.kit.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the event store's audit trail.
 *
 * @param checkpointInterval how often the chain head is recorded as a public checkpoint (also once at start)
 */
@ConfigurationProperties("dop.audit")
public record AuditProperties(Duration checkpointInterval) {

    public AuditProperties {
        checkpointInterval = checkpointInterval == null ? Duration.ofHours(1) : checkpointInterval;
        if (checkpointInterval.isZero() || checkpointInterval.isNegative()) {
            throw new IllegalArgumentException("dop.audit.checkpoint-interval must be positive");
        }
    }
}
