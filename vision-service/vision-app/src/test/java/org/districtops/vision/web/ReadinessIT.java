package org.districtops.vision.web;

import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.TestStores;
import org.districtops.testsupport.TestTokens;
import org.districtops.vision.api.DistrictCondition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two years of readiness self-assessment through the API; the public history shows movement per condition. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadinessIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "vision_readiness_it");
    }

    private final String district = "ready-" + UUID.randomUUID().toString().substring(0, 8);
    private final String superintendent = TestTokens.token("sup-1", district, "superintendent");

    @Test
    void twoCompletedYearsShowMovementPerCondition() throws Exception {
        for (int year : new int[]{2025, 2026}) {
            for (DistrictCondition condition : DistrictCondition.values()) {
                int rating = condition == DistrictCondition.INSTRUCTION && year == 2026 ? 3 : 2;
                assertThat(put("/districts/" + district + "/readiness/" + year + "/" + condition,
                        "{\"rating\":" + rating + ",\"evidence\":\"Walkthroughs " + year + "\"}").statusCode()).isEqualTo(200);
            }
            assertThat(post("/districts/" + district + "/readiness/" + year + "/completion").statusCode()).isEqualTo(200);
        }
        assertThat(put("/districts/" + district + "/readiness/2026/CURRICULUM", "{\"rating\":4}").statusCode())
                .isEqualTo(409);

        JsonNode history = awaitHistory(2);
        JsonNode instruction = history.get("conditions").get(DistrictCondition.INSTRUCTION.ordinal());
        assertThat(instruction.get("condition").asString()).isEqualTo("INSTRUCTION");
        assertThat(instruction.get("latest").asInt()).isEqualTo(3);
        assertThat(instruction.get("movement").asInt()).isEqualTo(1);
        assertThat(history.get("conditions").get(0).get("movement").asInt()).isZero();
    }

    @Test
    void anUnknownConditionOrARatingOutOfRangeIsA400NamingIt() throws Exception {
        HttpResponse<String> unknown = put("/districts/" + district + "/readiness/2026/VIBES", "{\"rating\":2}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("errors").findValuesAsString("field")).contains("condition");
        HttpResponse<String> tooHigh = put("/districts/" + district + "/readiness/2026/CURRICULUM", "{\"rating\":5}");
        assertThat(tooHigh.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooHigh.body()).get("errors").findValuesAsString("field")).contains("rating");
        assertThat(post("/districts/" + district + "/readiness/2031/completion").statusCode()).isEqualTo(404);
    }

    private JsonNode awaitHistory(int years) throws Exception {
        return api().await("/public/districts/" + district + "/readiness", null, h -> h.get("years").size() == years);
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return api().send("PUT", path, superintendent, null, body);
    }

    private HttpResponse<String> post(String path) throws Exception {
        return api().send("POST", path, superintendent, null, null);
    }

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port + "/api/vision");
    }
}
