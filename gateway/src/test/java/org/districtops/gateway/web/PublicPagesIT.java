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
                            .contains("<h1>District dashboard</h1>")
                            .contains("/js/district.js")
                            .contains("/js/dashboard.js")
                            .contains("id=\"pd-body\"")
                            .contains("id=\"opportunities-body\"")
                            .contains("id=\"audit-body\"")
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
        for (String script : new String[] {"/js/common.js", "/js/dashboard.js", "/js/opportunities.js", "/js/staff.js",
                "/js/staff/plan.js", "/js/staff/partner.js", "/js/staff/review.js",
                "/js/staff/partners.js"}) {
            client.get().uri(script)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).value(js -> assertThat(js).as(script)
                            .doesNotContain("innerHTML")
                            .doesNotContain("insertAdjacentHTML")
                            .doesNotContain("document.write")
                            .doesNotContain("eval("));
        }
    }

    @Test
    void opportunityBoardAndStaffPagesAreServed() {
        client.get().uri("/districts/demo-district/opportunities?type=INTERNSHIP")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<h1>Opportunity board</h1>")
                        .contains("name=\"type\"").contains("name=\"pathway\"").contains("name=\"paid\"")
                        .contains("name=\"grade\"").contains("name=\"remote\"").contains("name=\"date\"")
                        .doesNotContain("<script>"));
        // staff pages need a signed-in session (SignInIT checks what they serve then)
        for (String page : STAFF_PAGES) {
            client.get().uri(page).accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectStatus().isFound()
                    .expectHeader().valueEquals("Location", "/oauth2/authorization/dop");
        }
    }
}
