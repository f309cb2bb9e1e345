package org.districtops.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Set;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR;

/** Answers for a service whose circuit breaker tripped, timed out or could not connect. */
@Component
public class FallbackHandler {

    private static final Logger log = LoggerFactory.getLogger(FallbackHandler.class);

    public Mono<ServerResponse> serviceUnavailable(ServerRequest request) {
        // Only the circuit breaker's internal forward carries the failure; a client calling /fallback/** directly gets 404.
        Throwable failure = request.attribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR)
                .filter(Throwable.class::isInstance).map(Throwable.class::cast).orElse(null);
        if (failure == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No such resource."));
        }
        String service = request.pathVariable("service");
        log.warn("{} service unavailable: {}", service, failure.toString());

        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The " + service + " service is temporarily unavailable; please try again shortly.");
        problem.setType(ProblemTypes.BLANK);
        problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        problem.setInstance(originalPath(request));
        problem.setProperty("service", service);
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }

    @SuppressWarnings("unchecked")
    private static URI originalPath(ServerRequest request) {
        return request.attribute(GATEWAY_ORIGINAL_REQUEST_URL_ATTR)
                .map(urls -> ((Set<URI>) urls).iterator().next())
                .map(uri -> URI.create(uri.getRawPath()))
                .orElse(null);
    }
}
