package org.districtops.pd.web;

import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.TestStores;
import org.districtops.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.districtops.testsupport.ApiClient.body;

/**
 * Portfolios are private by default and no public endpoint shows a private one; public figures are
 * aggregates with small cells suppressed (and a complementary cell withheld).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dop.vision.uri=http://127.0.0.1:9")
class PortfolioPrivacyIT {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "pd_portfolio_it");
    }

    @LocalServerPort
    int port;

    private final String district = "port-" + UUID.randomUUID().toString().substring(0, 8);
    private final String staff = TestTokens.token("pdstaff", district, "pd-staff");

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port + "/api/pd");
    }

    private String educator(String name, String school) throws Exception {
        return body(api().post("/districts/" + district + "/educators", staff,
                "{\"givenName\":\"" + name + "\",\"familyName\":\"Privacy\",\"email\":\"" + name.toLowerCase()
                        + "@example.org\",\"schoolIds\":[\"" + school + "\"]}"), 201).get("educatorId").asString();
    }

    private String badge(String name) throws Exception {
        String id = body(api().post("/districts/" + district + "/badges", staff,
                "{\"name\":\"" + name + "\",\"description\":\"d\",\"criteria\":\"c\",\"pdHours\":3}"), 201).get("badgeId").asString();
        api().await("/public/districts/" + district + "/badges/" + id, null, b -> true);
        return id;
    }

    private void award(String badge, String educator) throws Exception {
        api().await("/districts/" + district + "/educators/" + educator, staff, e -> true);
        body(api().post("/districts/" + district + "/badges/" + badge + "/awards", staff,
                "{\"educatorId\":\"" + educator + "\"}"), 201);
    }

    @Test
    void privateByDefaultPublicOnRequestShareLinksAndNoLeaks() throws Exception {
        ApiClient api = api();
        String dana = educator("Dana", "school-a");
        String token = TestTokens.educatorToken(dana, district);
        String badge = badge("Inquiry learning");
        award(badge, dana);
        JsonNode own = api.await("/districts/" + district + "/educators/" + dana + "/portfolio", token,
                p -> p.get("badges").size() == 1);
        assertThat(own.get("isPublic").asBoolean()).isFalse();
        assertThat(own.get("name").asString()).isEqualTo("Dana Privacy");
        // PD staff of the district see it; staff of another district and other educators do not
        body(api.get("/districts/" + district + "/educators/" + dana + "/portfolio", staff), 200);
        assertThat(api.get("/districts/" + district + "/educators/" + dana + "/portfolio",
                TestTokens.token("pdstaff", "other-district", "pd-staff")).statusCode()).isEqualTo(403);
        assertThat(api.get("/districts/" + district + "/educators/" + dana + "/portfolio",
                TestTokens.educatorToken("nosy", district)).statusCode()).isEqualTo(403);

        // every public endpoint: nothing of a private portfolio
        assertThat(api.get("/public/districts/" + district + "/portfolios/" + dana, null).statusCode()).isEqualTo(404);
        assertThat(api.get("/public/portfolios/shared/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null).statusCode()).isEqualTo(404);
        for (String path : publicPaths(badge)) {
            String response = api.get(path, null).body();
            assertThat(response).as(path).doesNotContain(dana).doesNotContain("Dana");
        }
        // only the educator decides
        assertThat(api.send("PUT", "/districts/" + district + "/educators/" + dana + "/portfolio/visibility", staff, null,
                "{\"isPublic\":true}").statusCode()).isEqualTo(403);

        // a share link works while it exists
        String link = body(api.post("/districts/" + district + "/educators/" + dana + "/portfolio/share-link", token, null), 201)
                .get("path").asString();
        JsonNode shared = api.await(link, null, p -> true);
        assertThat(shared.get("badges").get(0).get("badgeName").asString()).isEqualTo("Inquiry learning");
        assertThat(shared.has("isPublic")).isFalse();
        body(api.send("DELETE", "/districts/" + district + "/educators/" + dana + "/portfolio/share-link", token, null, null), 200);
        awaitStatus(link, 404);

        // public on request, private again on request
        body(api.send("PUT", "/districts/" + district + "/educators/" + dana + "/portfolio/visibility", token, null,
                "{\"isPublic\":true}"), 200);
        assertThat(api.await("/public/districts/" + district + "/portfolios/" + dana, null, p -> true)
                .get("pdHours").asDouble()).isEqualTo(3.0);
        body(api.send("PUT", "/districts/" + district + "/educators/" + dana + "/portfolio/visibility", token, null,
                "{\"isPublic\":false}"), 200);
        awaitStatus("/public/districts/" + district + "/portfolios/" + dana, 404);

        // erasure makes a public portfolio private
        body(api.send("PUT", "/districts/" + district + "/educators/" + dana + "/portfolio/visibility", token, null,
                "{\"isPublic\":true}"), 200);
        api.await("/public/districts/" + district + "/portfolios/" + dana, null, p -> true);
        body(api.send("DELETE", "/districts/" + district + "/educators/" + dana + "/personal-data", token, null, null), 200);
        awaitStatus("/public/districts/" + district + "/portfolios/" + dana, 404);
    }

    @Test
    void givenAnEducatorAccountLinkedByItsEducatorIdClaimWhenItOpensMyPortfolioThenItGetsItsOwnAndNoOtherOne()
            throws Exception {
        ApiClient api = api();
        String eli = educator("Eli", "school-a");
        String other = educator("Olga", "school-a");
        String badge = badge("Claim check");
        award(badge, eli);
        // the token as the auth-server issues it: sub is the sign-in name, educator_id names the record
        String eliAccount = TestTokens.tokenWithClaims("educator", district, Map.of("educator_id", eli), "educator");

        JsonNode mine = api.await("/districts/" + district + "/me/portfolio", eliAccount, p -> p.get("badges").size() == 1);

        assertThat(mine.get("educatorId").asString()).isEqualTo(eli);
        assertThat(mine.get("name").asString()).isEqualTo("Eli Privacy");
        assertThat(mine.get("isPublic").asBoolean()).isFalse();
        body(api.get("/districts/" + district + "/educators/" + eli + "/portfolio", eliAccount), 200);
        body(api.get("/districts/" + district + "/awards/" + mine.get("badges").get(0).get("awardId").asString()
                + "/credential", eliAccount), 200);
        // another educator's portfolio, record and privacy switch stay closed
        assertThat(api.get("/districts/" + district + "/educators/" + other + "/portfolio", eliAccount).statusCode()).isEqualTo(403);
        assertThat(api.get("/districts/" + district + "/educators/" + other, eliAccount).statusCode()).isEqualTo(403);
        assertThat(api.send("PUT", "/districts/" + district + "/educators/" + other + "/portfolio/visibility", eliAccount,
                null, "{\"isPublic\":true}").statusCode()).isEqualTo(403);
        // the subject is never taken for the educator id: without the claim, even sub == educator id is refused
        String unlinked = TestTokens.token(eli, district, "educator");
        assertThat(api.get("/districts/" + district + "/educators/" + eli + "/portfolio", unlinked).statusCode()).isEqualTo(403);
        HttpResponse<String> noRecord = api.get("/districts/" + district + "/me/portfolio", unlinked);
        assertThat(noRecord.statusCode()).isEqualTo(403);
        assertThat(noRecord.body()).contains("educator_id");
        // a claim naming a record pd-service does not know: 404, not someone else's portfolio
        assertThat(api.get("/districts/" + district + "/me/portfolio", TestTokens.educatorToken("no-such-educator", district))
                .statusCode()).isEqualTo(404);
        // and the switch works through the claim
        body(api.send("PUT", "/districts/" + district + "/educators/" + eli + "/portfolio/visibility", eliAccount, null,
                "{\"isPublic\":true}"), 200);
        assertThat(api.await("/public/districts/" + district + "/portfolios/" + eli, null, p -> true)
                .get("pdHours").asDouble()).isEqualTo(3.0);
    }

    @Test
    void publicFiguresAreAggregatesWithSmallCellsSuppressed() throws Exception {
        ApiClient api = api();
        String big = badge("Big badge");
        String medium = badge("Medium badge");
        String small = badge("Small badge");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(educator("A" + i, "school-a"));
        }
        for (int i = 0; i < 3; i++) {
            all.add(educator("B" + i, "school-b"));
        }
        for (String e : all) {
            award(big, e);
        }
        for (int i = 0; i < 11; i++) {
            award(medium, all.get(i));
        }
        award(small, all.get(0));
        award(small, all.get(12));
        JsonNode figures = api.await("/public/districts/" + district + "/pd-figures", null,
                f -> "10-19".equals(f.get("educatorsWithABadge").asString()) && f.get("byBadge").size() == 3
                        && f.get("byBadge").toString().contains("Small badge")
                        && f.toString().contains("school-b"));
        JsonNode byBadge = figures.get("byBadge");
        assertThat(cell(byBadge, "badge", "Small badge").get("educators").asString()).isEqualTo("<10");
        assertThat(cell(byBadge, "badge", "Medium badge").get("educators").asString()).isEqualTo("suppressed");
        assertThat(cell(byBadge, "badge", "Big badge").get("educators").asString()).isEqualTo("10-19"); // 15: a band
        // school-b's 3 are "<10", so school-a's 12 are withheld too: the total (a band) minus it would narrow them
        assertThat(cell(bySchool(figures), "school", "school-a").get("educators").asString()).isEqualTo("suppressed");
        JsonNode bySchool = figures.get("bySchool");
        assertThat(cell(bySchool, "school", "school-b").get("educators").asString()).isEqualTo("<10");
        assertThat(cell(bySchool, "school", "school-b").get("pdHours").asString()).isEqualTo("suppressed");
        assertThat(figures.toString()).doesNotContain(all.get(0)).doesNotContain("Privacy");
    }

    /**
     * Issue 10: a group of 12 badge holders grows to 15. Both days' answers are published, and neither of them nor
     * their difference reveals the 3 who earned the badge in between (counts are bands of 10, hours bands of 100).
     */
    @Test
    void aGroupOfTwelveGrowingToFifteenRevealsNeitherTheThreeNorTheirHours() throws Exception {
        ApiClient api = api();
        String badge = badge("Growth badge");
        List<String> educators = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            educators.add(educator("G" + i, "school-growth"));
        }
        for (String e : educators.subList(0, 12)) {
            award(badge, e);
        }
        String figuresPath = "/public/districts/" + district + "/pd-figures";
        JsonNode before = api.await(figuresPath, null, f -> f.get("byBadge").size() == 1
                && "10-19".equals(f.get("educatorsWithABadge").asString()));
        awaitAwards(12);
        before = body(api.get(figuresPath, null), 200);
        for (String e : educators.subList(12, 15)) {
            award(badge, e);
        }
        awaitAwards(15);
        JsonNode after = body(api.get(figuresPath, null), 200);

        assertThat(before.get("educatorsWithABadge").asString()).isEqualTo("10-19");
        assertThat(after.toString()).as("the same answer before and after: no difference to take")
                .isEqualTo(before.toString());
        assertThat(cell(after.get("byBadge"), "badge", "Growth badge").get("educators").asString()).isEqualTo("10-19");
        JsonNode school = cell(bySchool(after), "school", "school-growth");
        assertThat(school.get("educators").asString()).isEqualTo("10-19");
        assertThat(school.get("pdHours").asString()).as("36 h and 45 h: one band").isEqualTo("<100");
        assertThat(after.toString()).doesNotContain("\"12\"").doesNotContain("\"15\"").doesNotContain("\"3\"");
    }

    /** Awards are counted by the staff's list, which shows them exactly (staff may see them). */
    private void awaitAwards(int count) throws Exception {
        api().await("/districts/" + district + "/awards", staff, list -> list.size() == count);
    }

    private static JsonNode bySchool(JsonNode figures) {
        return figures.get("bySchool");
    }

    private static JsonNode cell(JsonNode table, String key, String value) {
        for (JsonNode row : table) {
            if (value.equals(row.get(key).asString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + value + " in " + table);
    }

    private List<String> publicPaths(String badge) {
        return List.of("/public/districts/" + district + "/badges", "/public/districts/" + district + "/badges/" + badge,
                "/public/districts/" + district + "/pd-figures", "/public/districts/" + district + "/issuer",
                "/public/districts/" + district + "/status-list");
    }

    private void awaitStatus(String path, int status) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (api().get(path, null).statusCode() == status) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " never answered " + status);
    }
}
