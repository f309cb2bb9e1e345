package org.districtops.kit.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How a service's tracking (pooled streaming) processors share the event stream between instances.
 *
 * @param segments           segments a processor's token is split into when it is first created; the most
 *                           instances that can work on one processor at once (existing tokens keep their count)
 * @param tokenClaimInterval how often a processor looks for unclaimed segments
 * @param claimTimeout       how long a claim lives without being extended: an instance that died hands its
 *                           segments over after this long
 * @param instanceId         this instance's name in the token store and in metrics; unique per running
 *                           instance (default: Axon's own pid@host)
 * @param batchSize          events a processor handles per unit of work and token update (default 100; Axon's
 *                           default of 1 writes the token once per event, which limited replays and catch-up)
 * @param wakeUpInterval     how often a caught-up processor looks for new events (default 50 ms; Axon's own
 *                           re-check with the embedded event store is every 500 ms, see {@link PromptEventStreams})
 */
@ConfigurationProperties("dop.processing")
public record ProcessingProperties(Integer segments, Duration tokenClaimInterval, Duration claimTimeout,
                                   String instanceId, Integer batchSize, Duration wakeUpInterval) {

    public ProcessingProperties {
        segments = segments == null ? 2 : segments;
        if (segments < 1) {
            throw new IllegalArgumentException("dop.processing.segments must be at least 1");
        }
        batchSize = batchSize == null ? 100 : batchSize;
        if (batchSize < 1) {
            throw new IllegalArgumentException("dop.processing.batch-size must be at least 1");
        }
        wakeUpInterval = wakeUpInterval == null ? Duration.ofMillis(50) : wakeUpInterval;
        tokenClaimInterval = tokenClaimInterval == null ? Duration.ofSeconds(5) : tokenClaimInterval;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
        instanceId = instanceId == null || instanceId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() : instanceId;
    }
}
