package org.districtops.gateway.auth;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Where logout sends the browser next (the identity provider's end-session URL, then back to the public page). A
 * form post gets the usual 302. A page's script, which signs out with {@code fetch} so that it can send the CSRF
 * header, asks for JSON ({@code Accept: application/json}) and gets {@code {"location": "…"}} to navigate to itself:
 * fetch cannot hand a cross-origin redirect over to the window, and following it inside fetch would not end the
 * IdP's session in the browser.
 */
final class ScriptAwareRedirects implements ServerRedirectStrategy {

    private final ServerRedirectStrategy browser = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> sendRedirect(ServerWebExchange exchange, URI location) {
        boolean script = exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
        if (!script) {
            return browser.sendRedirect(exchange, location);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setCacheControl(CacheControl.noStore());
        // a URI holds no quote or backslash, so it needs no JSON escaping
        byte[] body = ("{\"location\":\"" + location + "\"}").getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
