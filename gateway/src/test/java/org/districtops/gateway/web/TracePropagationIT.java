package org.districtops.gateway.web;

import org.districtops.gateway.GatewayITSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One trace from the edge into a service: the gateway forwards a W3C traceparent that continues the caller's trace. */
class TracePropagationIT extends GatewayITSupport {

    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void theServiceReceivesATraceparentOfTheCallersTrace() {
        String body = new String(client.get().uri("/api/vision/public/districts/demo-district/plans")
                .header("traceparent", "00-" + CALLER_TRACE + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody());
        // same trace id, a new parent span id (the gateway's own span)
        assertThat(body).containsPattern("\"traceparent\":\\[\"00-" + CALLER_TRACE + "-[0-9a-f]{16}-0[01]\"]")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void aRequestWithoutTraceStartsOneThatReachesTheService() {
        String body = new String(client.get().uri("/api/vision/public/districts/demo-district/plans")
                .exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody());
        assertThat(body).containsPattern("\"traceparent\":\\[\"00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]\"]");
    }
}
