package org.districtops.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Keeps the services' actuator endpoints ({@code /api/<service>/actuator/**}) off the public edge.
 * <p>
 * Routes forward the raw path, and the services' servlet containers normalise it (dot segments, empty
 * segments, {@code ;params}, percent-encoding) before matching. The check therefore looks at the decoded
 * segments the way the service will see them, and refuses dot segments outright rather than guessing how
 * they would resolve.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DownstreamPathGuard implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> segments = exchange.getRequest().getPath().pathWithinApplication().elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(e -> ((PathContainer.PathSegment) e).valueToMatch())
                .filter(s -> !s.isEmpty())
                .toList();
        if (segments.isEmpty() || !segments.get(0).equals("api")) {
            return chain.filter(exchange);
        }
        if (segments.stream().anyMatch(s -> s.equals(".") || s.equals("..") || s.contains("/") || s.contains("\\"))) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "The request path is not allowed."));
        }
        if (segments.size() >= 3 && segments.get(2).equalsIgnoreCase("actuator")) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No such resource."));
        }
        return chain.filter(exchange);
    }
}
