package org.districtops.gateway.web;

import org.districtops.gateway.GatewayITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class PublicPagesIT extends GatewayITSupport {

    @Test
    void districtPageIsServedForAnyDistrictId() {
        for (String id : new String[] {"demo-district", "another-district"}) {
            client.get().uri("/districts/" + id)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).value(html -> assertThat(html)
                            .contains("<h1>Vision and strategic plans</h1>")
                            .contains("/js/district.js")
                            .contains("No vision adopted yet")
                            .contains("No strategic plans yet")
                            .contains("Readiness self-assessment")
                            .contains("Temporarily unavailable")
                            // ready for a Content-Security-Policy without 'unsafe-inline'
                            .doesNotContain("<style")
                            .doesNotContain(" style=")
                            .doesNotContain(" onclick=")
                            .doesNotContain("<script>"));
        }
    }

    @Test
    void landingPageAndAssetsAreServed() {
        client.get().uri("/")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("District Operations Platform")
                        .contains("href=\"/districts/demo-district\"")
                        .contains("/auth/token"));
        client.get().uri("/js/district.js")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(js -> assertThat(js)
                        .contains("/api/vision/public/districts/")
                        .contains("/dashboard")
                        .contains("/readiness")
                        .contains("createElementNS")
                        .doesNotContain("innerHTML")
                        .doesNotContain("insertAdjacentHTML")
                        .doesNotContain("document.write"));
        client.get().uri("/css/site.css").exchange().expectStatus().isOk();
    }
}
