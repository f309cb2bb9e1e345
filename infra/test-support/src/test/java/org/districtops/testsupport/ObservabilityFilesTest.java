package org.districtops.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityFilesTest {

    @Test
    void givenARatioWithLabelMatchersAndGroupingWhenParsedThenOnlyTheMetricNamesRemain() {
        assertThat(ObservabilityFiles.metricNames("sum by (service, status) (rate(http_server_requests_seconds_count"
                + "{service=~\"$service\", status=~\"5..\"}[5m])) / on(service) group_left sum(rate(x_total[1h])) > 0.05"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "x_total");
    }

    @Test
    void givenAQuantileSelectorAndAComparisonWhenParsedThenKeywordsAndNumbersAreNotNames() {
        assertThat(ObservabilityFiles.metricNames("max by (name) (a_state{state=~\"open|b_c\"}) == 1 and up == 0 unless 1e3"))
                .containsExactlyInAnyOrder("a_state", "up");
    }

    @Test
    void givenAScrapeWhenReadThenSampleNamesAreListedWithoutCommentsOrLabels() {
        assertThat(ObservabilityFiles.exposedNames("# HELP x\n# TYPE a_total counter\na_total{k=\"v\"} 1.0\nb 2\n"))
                .containsExactly("a_total", "b");
    }

    @Test
    void theRepositoryDashboardsAndRulesParseAndReferenceMetrics() {
        assertThat(ObservabilityFiles.referencedMetrics()).containsKeys("dop_processor_lag_events",
                "resilience4j_circuitbreaker_state", "dop_gateway_rate_limit_rejections_total");
    }
}
