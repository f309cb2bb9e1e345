package org.districtops.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Security headers on every response of the edge. The pages keep all script and style in files, so the CSP
 * allows only this origin; a service response that sets its own CSP (the board report) keeps it. HSTS is sent
 * only when the request came over TLS (directly or via a trusted proxy's X-Forwarded-Proto).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class SecurityHeadersFilter implements WebFilter {

    private final String csp;

    /**
     * @param identityProvider the sign-in issuer: the logout form's POST is answered with a redirect to its
     *                         end-session endpoint, and browsers apply {@code form-action} to such redirects too
     */
    public SecurityHeadersFilter(@Value("${spring.security.oauth2.client.provider.dop.issuer-uri:}") String identityProvider) {
        this.csp = csp(identityProvider);
    }

    static String csp(String identityProvider) {
        String formAction = "'self'";
        if (identityProvider != null && !identityProvider.isBlank()) {
            URI uri = URI.create(identityProvider);
            formAction += " " + uri.getScheme() + "://" + uri.getRawAuthority();
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action " + formAction
                + "; frame-ancestors 'none'";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean tls = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())
                || "https".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst("X-Forwarded-Proto"));
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (!headers.containsHeader("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", csp);
            }
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if (tls) {
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
