package org.districtops.gateway.web;

import org.districtops.gateway.AuthServerProcess;
import org.districtops.gateway.GatewayITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits, request size limits and security headers at the edge. */
@TestPropertySource(properties = {"dop.gateway.rate-limit.auth-per-second=1", "dop.gateway.rate-limit.auth-burst=2"})
class EdgeProtectionIT extends GatewayITSupport {

    @Test
    void aClientOverTheLimitOfARouteGets429WithRetryAfterWhileOtherRoutesStillAnswer() {
        // /auth/** shares one strict bucket; a path nothing serves answers at once (/auth/token goes on to the
        // authorization server, whose answer time would let the bucket refill between requests)
        for (int i = 0; i < 2; i++) {
            client.post().uri("/auth/unknown").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("grant_type", "password").with("username", "nobody").with("password", "x"))
                    .exchange().expectStatus().isNotFound();
        }
        client.post().uri("/auth/unknown").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "password").with("username", "nobody").with("password", "x"))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", v -> assertThat(Integer.parseInt(v)).isBetween(1, 2))
                .expectBody().jsonPath("$.status").isEqualTo(429);
        client.get().uri("/districts/demo-district").exchange().expectStatus().isOk();
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedBeforeItReachesAService() {
        client.post().uri("/api/vision/districts/demo-district/plans").contentType(MediaType.APPLICATION_JSON)
                .header("Content-Length", Integer.toString(2 * 1024 * 1024))
                .bodyValue("x".repeat(2 * 1024 * 1024))
                .exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void pagesCarrySecurityHeaders() {
        client.get().uri("/districts/demo-district").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", SecurityHeadersFilter.csp(AuthServerProcess.ISSUER))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().doesNotExist("Strict-Transport-Security");
        client.get().uri("/districts/demo-district").header("X-Forwarded-Proto", "https").exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void theLogoutFormMayBeRedirectedToTheIdentityProviderOnly() {
        assertThat(SecurityHeadersFilter.csp("https://sso.example.org/realms/district"))
                .contains("form-action 'self' https://sso.example.org;");
        assertThat(SecurityHeadersFilter.csp("")).contains("form-action 'self';");
    }

    @Test
    void theRouteGroupOfAPathIsItsServicePrefix() {
        assertThat(RateLimitFilter.routeGroup("/api/vision/public/x")).isEqualTo("/api/vision");
        assertThat(RateLimitFilter.routeGroup("/auth/token")).isEqualTo("/auth");
        assertThat(RateLimitFilter.routeGroup("/auth/me")).isEqualTo("pages");
        assertThat(RateLimitFilter.routeGroup("/districts/d")).isEqualTo("pages");
    }
}
