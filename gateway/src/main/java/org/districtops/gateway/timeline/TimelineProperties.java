package org.districtops.gateway.timeline;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where the district timeline reads each service's public audit feed, and how long it waits for each.
 *
 * @param sources one per service: its name and the base URI of its API (with the context path)
 * @param timeout per service; a slower service is left out of this answer and named in {@code unavailable}
 */
@ConfigurationProperties("dop.gateway.timeline")
public record TimelineProperties(List<Source> sources, Duration timeout) {

    public TimelineProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }

    public record Source(String name, URI uri) {
    }
}
