package org.districtops.gateway.web;

import org.districtops.gateway.GatewayITSupport;
import org.districtops.testsupport.ObservabilityFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's Prometheus scrape (on the management port): the metrics the dashboards and alerts use, tagged with
 * service and instance.
 */
class GatewayMetricsIT extends GatewayITSupport {

    @Test
    void theDashboardsAndAlertRulesNameOnlyGatewayMetricsTheGatewayExposes() throws Exception {
        // a routed request and one to a service that is down, so both circuit breakers exist
        client.get().uri("/api/vision/public/districts/demo-district/plans").exchange().expectStatus().isCreated();
        client.get().uri("/api/pilots/public/districts/demo-district/pilots").exchange().expectStatus().is5xxServerError();

        String scrape = management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Files.writeString(Path.of("target/gateway-scrape.txt"), scrape); // for whoever edits the dashboards
        assertThat(scrape).contains("service=\"gateway\"")
                .containsPattern("dop_gateway_rate_limit_rejections_total\\{.*group=\"/auth\".*} 0.0")
                .containsPattern("resilience4j_circuitbreaker_state\\{.*name=\"vision\".*state=\"closed\".*} 1.0");
        ObservabilityFiles.assertReferencedMetricsExposed(scrape, ObservabilityFiles::gatewayMetric);
    }
}
