package org.districtops.gateway.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /auth/me}: who is signed in at this browser (name, username, roles, district, partner organisation,
 * educator record), for the pages to show the right menu; 401 problem+json when nobody is. Also where the pages' scripts find the
 * URLs to sign in and out.
 */
@Configuration(proxyBeanMethods = false)
public class SessionEndpoint {

    @Bean
    RouterFunction<ServerResponse> sessionRoute() {
        return route(GET("/auth/me"), SessionEndpoint::session);
    }

    static Mono<ServerResponse> session(ServerRequest request) {
        return request.principal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(principal -> ((OAuth2AuthenticationToken) principal).getPrincipal())
                .flatMap(user -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noStore())
                        .bodyValue(describe(user)))
                .switchIfEmpty(Mono.defer(() -> anonymous(request)));
    }

    static Map<String, Object> describe(OAuth2User user) {
        Map<String, Object> body = new LinkedHashMap<>();
        Object username = user.getAttributes().getOrDefault("preferred_username", user.getName());
        body.put("sub", user.getName());
        body.put("username", username);
        body.put("name", user.getAttributes().getOrDefault("name", username));
        Object roles = user.getAttributes().get("roles");
        body.put("roles", roles instanceof List<?> list ? list : List.of());
        body.put("district", user.getAttributes().get("district"));
        if (user.getAttributes().get("partner") != null) {
            body.put("partner", user.getAttributes().get("partner"));
        }
        if (user.getAttributes().get("educator_id") != null) {
            body.put("educatorId", user.getAttributes().get("educator_id"));
        }
        body.put("logout", "/logout");
        return body;
    }

    private static Mono<ServerResponse> anonymous(ServerRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Nobody is signed in.");
        problem.setType(URI.create("about:blank"));
        problem.setTitle(HttpStatus.UNAUTHORIZED.getReasonPhrase());
        problem.setInstance(URI.create(request.path()));
        problem.setProperty("login", "/oauth2/authorization/" + SignInConfig.REGISTRATION_ID);
        return ServerResponse.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore())
                .bodyValue(problem);
    }
}
