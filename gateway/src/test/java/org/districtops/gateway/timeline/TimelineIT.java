package org.districtops.gateway.timeline;

import org.districtops.gateway.GatewayITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The district timeline route of the running gateway: public, validated, tolerant of a service that is down. */
class TimelineIT extends GatewayITSupport {

    @Test
    void theTimelineIsPublicAndNamesServicesThatDidNotAnswer() {
        client.get().uri("/api/timeline/public/districts/demo-district?limit=5").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.districtId").isEqualTo("demo-district")
                .jsonPath("$.entries[0].service").isEqualTo("vision")
                .jsonPath("$.entries[0].eventType").isEqualTo("VisionAdopted")
                .jsonPath("$.entries[0].at").isEqualTo("2026-03-10T18:00:00Z")
                .jsonPath("$.unavailable").value(v -> org.assertj.core.api.Assertions.assertThat(v.toString()).contains("pilot"))
                .jsonPath("$.next").doesNotExist();
    }

    @Test
    void badPagingIsAProblemNamingTheField() {
        client.get().uri("/api/timeline/public/districts/demo-district?limit=0").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        client.get().uri("/api/timeline/public/districts/demo-district?before=yesterday").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("before");
    }
}
