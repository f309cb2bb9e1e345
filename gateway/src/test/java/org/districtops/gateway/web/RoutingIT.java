package org.districtops.gateway.web;

import org.districtops.gateway.GatewayITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingIT extends GatewayITSupport {

    @Test
    void forwardsPathQueryAndBodyUnchangedAndPassesStatusAndCorrelationIdThrough() {
        EntityExchangeResult<byte[]> result = client.post().uri("/api/vision/districts/d-1/plans?draft=true")
                .header("X-Correlation-Id", "it-corr-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Plan\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.path").isEqualTo("/api/vision/districts/d-1/plans")
                .jsonPath("$.query").isEqualTo("draft=true")
                .jsonPath("$.body").isEqualTo("{\"title\":\"Plan\"}")
                .jsonPath("$.correlationIds").isEqualTo(List.of("it-corr-1"))
                .returnResult();
        // The gateway's value wins over the downstream's own, and appears once.
        assertThat(result.getResponseHeaders().get("X-Correlation-Id")).containsExactly("it-corr-1");
    }

    @Test
    void generatesACorrelationIdWhenTheCallerSendsNoneOrAnUnsafeOne() {
        for (String incoming : new String[] {null, "bad id\twith spaces"}) {
            var request = client.get().uri("/api/vision/anything");
            if (incoming != null) {
                request = request.header("X-Correlation-Id", incoming);
            }
            EntityExchangeResult<byte[]> result = request.exchange()
                    .expectStatus().isCreated()
                    .expectBody().returnResult();
            String generated = result.getResponseHeaders().getFirst("X-Correlation-Id");
            assertThat(UUID.fromString(generated)).isNotNull();
            assertThat(new String(result.getResponseBody())).contains("\"correlationIds\":[\"" + generated + "\"]");
        }
    }

    @Test
    void unreachableServiceGivesProblem503NamingItQuickly() {
        long start = System.nanoTime();
        EntityExchangeResult<byte[]> result = client.get().uri("/api/pilots/districts/d-1/pilots")
                .header("X-Correlation-Id", "it-corr-down")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Correlation-Id", "it-corr-down")
                .expectBody()
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("pilot"))
                .jsonPath("$.instance").isEqualTo("/api/pilots/districts/d-1/pilots")
                .returnResult();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.getStatus().value()).isEqualTo(503);
    }

    @Test
    void givenAServiceThatDropsAConnectionWhenAReadMeetsItThenItIsTriedAgainButAWriteIsNot() {
        client.get().uri("/api/vision/flaky/read")
                .exchange()
                .expectStatus().isEqualTo(201)
                .expectBody().jsonPath("$.method").isEqualTo("GET");
        assertThat(VISION_REQUESTS.stream().filter("/api/vision/flaky/read"::equals)).as("dropped, then answered")
                .hasSize(2);

        // a write may have been applied before the connection dropped: it is never sent twice
        client.post().uri("/api/vision/flaky/write")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"x\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("vision"));
        assertThat(VISION_REQUESTS.stream().filter("/api/vision/flaky/write"::equals)).hasSize(1);
    }

    @Test
    void slowServiceIsCutOffByTheTimeLimiter() {
        long start = System.nanoTime();
        client.get().uri("/api/vision/slow")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("vision"))
                .jsonPath("$.instance").isEqualTo("/api/vision/slow");
        // The fake answers after 4 s; the configured limit is 2 s.
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofMillis(1_900), Duration.ofMillis(3_500));
    }

    @Test
    void serviceActuatorEndpointsAreNeverForwarded() {
        for (String path : List.of("/api/vision/actuator/health", "/api/vision/actuator", "/api/vision//actuator/env",
                "/api/vision/actuator;x=1/health", "/api/vision/%61ctuator/health")) {
            client.get().uri(raw(path))
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(404);
        }
        client.get().uri(raw("/api/vision/plans/../actuator/health"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(VISION_REQUESTS).noneMatch(p -> p.toLowerCase().contains("actuator") || p.contains("ctuator"));
    }

    @Test
    void unknownPathsAndTheFallbackItselfAreProblem404s() {
        for (String path : List.of("/no/such/page", "/fallback/vision")) {
            client.get().uri(path)
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(404)
                    .jsonPath("$.title").isEqualTo("Not Found")
                    .jsonPath("$.instance").isEqualTo(path);
        }
    }

    @Test
    void givenThePublicPortWhenAnyoneAsksForTheActuatorThenOnlyHealthAnswersAndMetricsStayOnTheManagementPort() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.groups").value(List.class, groups -> assertThat(groups).contains("liveness", "readiness"))
                .jsonPath("$.components").doesNotExist();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/no-such-group").exchange().expectStatus().isNotFound();
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator", "/actuator/metrics",
                "/actuator/env", "/actuator/gateway/routes", "/actuator/health/../prometheus", "/actuator/%70rometheus",
                "/actuator/prometheus;x=y")) {
            client.get().uri(raw(path)).exchange()
                    .expectStatus().value(status -> assertThat(status).as(path).isIn(400, 404))
                    .expectBody(String.class).value(body -> assertThat(String.valueOf(body)).as(path)
                            .doesNotContain("jvm_memory_used_bytes"));
        }
        // no credential opens it on the public port
        client.get().uri("/actuator/prometheus").header("Authorization", "Bearer anything").exchange()
                .expectStatus().isNotFound();

        management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        management().get().uri("/actuator/info").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.app.name").isNotEmpty();
        management().get().uri("/actuator/health").exchange().expectStatus().isOk();
        management().get().uri("/actuator/env").exchange().expectStatus().isNotFound();
    }
}
