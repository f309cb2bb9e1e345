package org.districtops.gateway.auth;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Where logout sends the browser next (the identity provider's end-session URL, then back to the public page). A
 * form post gets the usual 302. A page's script, which signs out with {@code fetch} so that it can send the CSRF
 * header, asks with {@code Accept: application/json} and gets 200 with the URL in {@value #LOCATION_HEADER}, to
 * navigate there itself: fetch cannot hand a cross-origin redirect over to the window, and following it inside fetch
 * would not end the IdP's session in the browser. Like the 302, the answer has no body: the logout filter completes
 * the response (writing a body here left the test client's next requests to the gateway hanging).
 */
final class ScriptAwareRedirects implements ServerRedirectStrategy {

    static final String LOCATION_HEADER = "X-Logout-Location";

    private final ServerRedirectStrategy browser = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> sendRedirect(ServerWebExchange exchange, URI location) {
        boolean script = exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
        if (!script) {
            return browser.sendRedirect(exchange, location);
        }
        return Mono.fromRunnable(() -> {
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.OK);
            response.getHeaders().set(LOCATION_HEADER, location.toString());
            response.getHeaders().setCacheControl(CacheControl.noStore());
        });
    }
}
