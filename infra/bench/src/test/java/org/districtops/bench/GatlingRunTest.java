package org.districtops.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures merged into the results JSON are the ones in Gatling's report (a stats.js as Gatling 3.13 writes it). */
class GatlingRunTest {

    @Test
    void givenAGatlingReport_whenRead_thenTheFiguresOfAllRequestsAndTheCountPerRequestNameAreTaken() throws Exception {
        Path report = Path.of(getClass().getResource("/gatling-report").toURI());

        GatlingRun.Stats stats = GatlingRun.read("writes-run1", report);

        assertThat(stats.ok()).isEqualTo(1203);
        assertThat(stats.ko()).isEqualTo(1);
        assertThat(stats.okPerSecond()).isEqualTo(120.3);
        assertThat(stats.meanMs()).isEqualTo(116);
        assertThat(stats.p50Ms()).isEqualTo(112);
        assertThat(stats.p75Ms()).isEqualTo(150);
        assertThat(stats.p95Ms()).isEqualTo(480);
        assertThat(stats.p99Ms()).isEqualTo(1312);
        assertThat(stats.maxMs()).isEqualTo(2210);
        assertThat(stats.requestsByName()).containsEntry("milestone progress", 722L).containsEntry("badge award", 482L)
                .hasSize(2);
    }
}
