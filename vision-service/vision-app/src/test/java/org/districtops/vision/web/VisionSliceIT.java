package org.districtops.vision.web;

import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.TestStores;
import org.districtops.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice through one service: REST → command → events in PostgreSQL → processor → MongoDB → public read.
 * Runs on the real embedded PostgreSQL, and on MongoDB from Testcontainers or the in-process server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VisionSliceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "vision_it");
    }

    private final String district = "district-" + UUID.randomUUID().toString().substring(0, 8);
    private final String superintendent = TestTokens.token("sup-1", district, "superintendent");

    @Test
    void aSuperintendentCreatesAPlanWithAFirstGoalAndThePublicSeesIt() throws Exception {
        HttpResponse<String> created = post("/districts/" + district + "/plans", superintendent, """
                {"title":"Learner-centered 2030","startYear":2025,"endYear":2030,
                 "firstGoal":{"title":"Every learner on a personal pathway","description":"Close the gap",
                              "conditions":["INSTRUCTION","STUDENT_SUPPORTS"]}}""");
        assertThat(created.statusCode()).isEqualTo(201);
        String planId = JSON.readTree(created.body()).get("planId").asString();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/api/vision/public/districts/" + district + "/plans/" + planId));

        JsonNode plan = awaitPublicPlan(planId, 1);
        assertThat(plan.get("title").asString()).isEqualTo("Learner-centered 2030");
        assertThat(plan.get("goals").get(0).get("title").asString()).isEqualTo("Every learner on a personal pathway");
        assertThat(plan.get("goals").get(0).get("conditions").toString()).isEqualTo("[\"INSTRUCTION\",\"STUDENT_SUPPORTS\"]");

        HttpResponse<String> list = get("/public/districts/" + district + "/plans", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).size()).isEqualTo(1);
    }

    @Test
    void everyEventCarriesDistrictActorAndCorrelationMetadata() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/vision/districts/" + district + "/plans"))
                .header("Authorization", "Bearer " + superintendent)
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", "corr-" + district)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title":"Plan","startYear":2025,"endYear":2027,"firstGoal":{"title":"Goal"}}"""))
                .build();
        HttpResponse<String> created = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String planId = JSON.readTree(created.body()).get("planId").asString();

        var metadata = jdbc.queryForList("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", String.class, district + "/plan/" + planId);
        assertThat(metadata).hasSize(2);
        for (String json : metadata) {
            JsonNode m = JSON.readTree(json);
            assertThat(m.get("districtId").asString()).isEqualTo(district);
            assertThat(m.get("actorId").asString()).isEqualTo("sup-1");
            assertThat(m.get("actorRole").asString()).isEqualTo("superintendent");
            assertThat(m.get("correlationId").asString()).isEqualTo("corr-" + district);
            assertThat(m.get("causationId").asString()).isNotBlank();
        }
    }

    @Test
    void malformedJsonIsA400ProblemNamingTheBody() throws Exception {
        HttpResponse<String> response = post("/districts/" + district + "/plans", superintendent, "{\"title\": ");
        ApiClient.assertProblem(response, 400, "body");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("Malformed JSON");
    }

    @Test
    void aWrongTypeIsA400ProblemNamingTheField() throws Exception {
        ApiClient.assertProblem(post("/districts/" + district + "/plans", superintendent,
                "{\"title\":\"Plan\",\"startYear\":\"soon\",\"endYear\":2030}"), 400, "startYear");
    }

    @Test
    void anUnknownConditionIsA400ProblemNamingTheField() throws Exception {
        ApiClient.assertProblem(post("/districts/" + district + "/plans", superintendent,
                "{\"title\":\"Plan\",\"startYear\":2025,\"endYear\":2030,\"firstGoal\":{\"title\":\"G\",\"conditions\":[\"VIBES\"]}}"),
                400, "firstGoal.conditions[0]");
    }

    @Test
    void anUnknownPropertyIsA400ProblemNamingIt() throws Exception {
        ApiClient.assertProblem(post("/districts/" + district + "/plans", superintendent,
                "{\"title\":\"Plan\",\"startYear\":2025,\"endYear\":2030,\"$where\":\"1==1\"}"), 400, "$where");
    }

    @Test
    void missingFieldsAreA400ProblemNamingEachField() throws Exception {
        HttpResponse<String> response = post("/districts/" + district + "/plans", superintendent, "{\"startYear\":2025}");
        ApiClient.assertProblem(response, 400, "title");
        assertThat(response.body()).contains("\"endYear\"");
    }

    @Test
    void aBusinessRuleViolationIsA400ProblemNamingTheFieldAndNothingIsStored() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        ApiClient.assertProblem(post("/districts/" + district + "/plans", superintendent,
                "{\"title\":\"Plan\",\"startYear\":2030,\"endYear\":2025}"), 400, "endYear");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class)).isEqualTo(before);
    }

    @Test
    void anInvalidDistrictIdInThePathIsA400ProblemNamingIt() throws Exception {
        ApiClient.assertProblem(get("/public/districts/NOT_VALID!/plans", null), 400, "districtId");
    }

    @Test
    void withoutATokenTheApiAnswers401Problem() throws Exception {
        HttpResponse<String> response = post("/districts/" + district + "/plans", null,
                "{\"title\":\"Plan\",\"startYear\":2025,\"endYear\":2030}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        assertThat(post("/districts/" + district + "/plans", TestTokens.expiredToken("sup-1", district, "superintendent"),
                "{\"title\":\"Plan\",\"startYear\":2025,\"endYear\":2030}").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenFromAnUntrustedIssuerIsRejected() throws Exception {
        assertThat(post("/districts/" + district + "/plans",
                TestTokens.tokenFromIssuer("http://evil.example", "sup-1", district, "superintendent"),
                "{\"title\":\"Plan\",\"startYear\":2025,\"endYear\":2030}").statusCode()).isEqualTo(401);
    }

    @Test
    void anEducatorMayNotCreateAPlan() throws Exception {
        HttpResponse<String> response = post("/districts/" + district + "/plans",
                TestTokens.token("edu-1", district, "educator"), "{\"title\":\"Plan\",\"startYear\":2025,\"endYear\":2030}");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aSuperintendentMayNotActForAnotherDistrict() throws Exception {
        assertThat(post("/districts/other-district/plans", superintendent,
                "{\"title\":\"Plan\",\"startYear\":2025,\"endYear\":2030}").statusCode()).isEqualTo(403);
    }

    @Test
    void aGoalAddedAgainstAnOlderVersionIsA409() throws Exception {
        HttpResponse<String> created = post("/districts/" + district + "/plans", superintendent,
                "{\"title\":\"Plan\",\"startYear\":2025,\"endYear\":2030}");
        String planId = JSON.readTree(created.body()).get("planId").asString();
        String goals = "/districts/" + district + "/plans/" + planId + "/goals";
        assertThat(send(goals, "\"0\"", "{\"title\":\"First\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> stale = send(goals, "\"0\"", "{\"title\":\"Second\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(send(goals, "\"1\"", "{\"title\":\"Second\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void anUnknownPlanIsA404Problem() throws Exception {
        assertThat(get("/public/districts/" + district + "/plans/nope", null).statusCode()).isEqualTo(404);
        assertThat(send("/districts/" + district + "/plans/nope/goals", null, "{\"title\":\"G\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentListsThePlanEndpoints() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/districts/{districtId}/plans", "/public/districts/{districtId}/plans");
    }

    @Test
    void healthIncludesTheDatabaseAndTheReadSide() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"db\"", "\"readSide\"", "public-plans");
        assertThat(get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
    }

    private JsonNode awaitPublicPlan(String planId, int goals) throws Exception {
        return api().await("/public/districts/" + district + "/plans/" + planId, null, plan -> plan.get("goals").size() >= goals);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return api().get(path, token);
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return api().post(path, token, body);
    }

    private HttpResponse<String> send(String path, String ifMatch, String body) throws Exception {
        return api().send("POST", path, superintendent, ifMatch, body);
    }

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port + "/api/vision");
    }
}
