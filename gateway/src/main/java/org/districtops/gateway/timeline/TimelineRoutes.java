package org.districtops.gateway.timeline;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /api/timeline/public/districts/{districtId}?before=&limit=}: the gateway composes the services' public
 * audit feeds into one district timeline (see docs/audit.md). It lives in the gateway because it is composition
 * of public reads across services, which is what the gateway already does for the public pages; no service owns it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimelineProperties.class)
public class TimelineRoutes {

    static final Pattern DISTRICT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    static final int MAX_LIMIT = 200;

    @Bean
    DistrictTimeline districtTimeline(ObjectProvider<WebClient.Builder> builder, TimelineProperties properties) {
        return new DistrictTimeline(builder.getIfAvailable(WebClient::builder), properties);
    }

    @Bean
    RouterFunction<ServerResponse> districtTimelineRoute(DistrictTimeline timeline) {
        return route(GET("/api/timeline/public/districts/{districtId}"), request -> handle(request, timeline));
    }

    private static Mono<ServerResponse> handle(ServerRequest request, DistrictTimeline timeline) {
        String districtId = request.pathVariable("districtId");
        if (!DISTRICT_ID.matcher(districtId).matches()) {
            return invalid(request, "districtId", "must match " + DISTRICT_ID.pattern());
        }
        int limit;
        try {
            limit = request.queryParam("limit").map(Integer::parseInt).orElse(50);
        } catch (NumberFormatException e) {
            return invalid(request, "limit", "must be a whole number");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return invalid(request, "limit", "must be between 1 and " + MAX_LIMIT);
        }
        Instant before;
        try {
            before = request.queryParam("before").map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            return invalid(request, "before", "must be an ISO-8601 instant such as 2026-03-10T18:00:00Z");
        }
        return timeline.timeline(districtId, before, limit)
                .flatMap(t -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(t));
    }

    private static Mono<ServerResponse> invalid(ServerRequest request, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setType(URI.create("about:blank"));
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        problem.setInstance(URI.create(request.path()));
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ServerResponse.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem);
    }
}
