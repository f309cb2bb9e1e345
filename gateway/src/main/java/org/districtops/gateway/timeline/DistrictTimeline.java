package org.districtops.gateway.timeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The district timeline: the public audit feeds of all services, merged newest first. Each feed is read with its own
 * time limit, concurrently; a service that fails or is slow is left out and named, so one slow service never
 * blanks the page. Paging is by time: {@code next} is the {@code before} of the following page.
 */
public class DistrictTimeline {

    private static final Logger log = LoggerFactory.getLogger(DistrictTimeline.class);
    static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at).reversed()
            .thenComparing(TimelineEntry::service).thenComparing(TimelineEntry::eventId);

    private final WebClient client;
    private final TimelineProperties properties;

    public DistrictTimeline(WebClient.Builder builder, TimelineProperties properties) {
        this.client = builder.build();
        this.properties = properties;
    }

    public Mono<Timeline> timeline(String districtId, Instant before, int limit) {
        return Flux.fromIterable(properties.sources())
                .flatMap(source -> feed(source, districtId, before, limit))
                .collectList()
                .map(feeds -> merge(districtId, feeds, limit));
    }

    private Mono<Feed> feed(TimelineProperties.Source source, String districtId, Instant before, int limit) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(source.uri())
                .path("/public/districts/{districtId}/audit/entries").queryParam("size", limit);
        if (before != null) {
            uri.queryParam("to", before.toString());
        }
        return client.get().uri(uri.buildAndExpand(districtId).encode().toUri())
                .retrieve()
                .bodyToMono(Page.class)
                .timeout(properties.timeout())
                .map(page -> new Feed(source.name(), page.entries() == null ? List.of() : page.entries(), true))
                .onErrorResume(e -> {
                    log.warn("District timeline: {} feed unavailable: {}", source.name(), e.toString());
                    return Mono.just(new Feed(source.name(), List.of(), false));
                });
    }

    static Timeline merge(String districtId, List<Feed> feeds, int limit) {
        List<TimelineEntry> all = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Feed feed : feeds) {
            all.addAll(feed.entries());
            if (!feed.available()) {
                unavailable.add(feed.service());
            }
        }
        all.sort(NEWEST_FIRST);
        List<TimelineEntry> page = all.size() > limit ? List.copyOf(all.subList(0, limit)) : List.copyOf(all);
        // every feed was asked for `limit` entries, so a full page means older entries may exist
        Instant next = page.size() == limit ? page.get(page.size() - 1).at() : null;
        unavailable.sort(null);
        return new Timeline(districtId, page, unavailable, next);
    }

    record Feed(String service, List<TimelineEntry> entries, boolean available) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<TimelineEntry> entries) {
    }

    /**
     * @param unavailable services whose feed did not answer in time: the timeline may miss their entries
     * @param next        pass as {@code before} for older entries; null when this is the last page
     */
    public record Timeline(String districtId, List<TimelineEntry> entries, List<String> unavailable, Instant next) {
    }
}
