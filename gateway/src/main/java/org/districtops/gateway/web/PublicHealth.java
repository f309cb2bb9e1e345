package org.districtops.gateway.web;

import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.Arrays;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code /actuator/health} (and its {@code /liveness}, {@code /readiness} groups) on the gateway's public port.
 * The actuator itself, metrics included, listens on the management port only ({@code management.server.port},
 * {@code DOP_GATEWAY_MANAGEMENT_PORT}), which is never published: Prometheus scrapes it on the internal network.
 * Load balancers, probes and the launcher keep asking the public port for health, which shows the status and the
 * group names only, never details. This answers from the same health endpoint the management port serves.
 */
@Configuration(proxyBeanMethods = false)
public class PublicHealth {

    private static final String PATH = "/actuator/health";

    @Bean
    RouterFunction<ServerResponse> publicHealthRoute(ReactiveHealthEndpointWebExtension health) {
        return route(GET(PATH), request -> answer(health, new String[0]))
                .andRoute(GET(PATH + "/{*path}"), request -> answer(health, segments(request)));
    }

    private static String[] segments(ServerRequest request) {
        return Arrays.stream(request.pathVariable("path").split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    private static Mono<ServerResponse> answer(ReactiveHealthEndpointWebExtension health, String[] path) {
        return health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, path)
                .flatMap(response -> {
                    ServerResponse.BodyBuilder builder = ServerResponse.status(response.getStatus())
                            .cacheControl(CacheControl.noStore());
                    return response.getBody() == null ? builder.build()
                            : builder.contentType(MediaType.APPLICATION_JSON).bodyValue(response.getBody());
                });
    }
}
