package org.districtops.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.districtops.testsupport.LaunchedPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform as a newcomer runs it: the launcher jar starts PostgreSQL, the MongoDB wire server,
 * four services and the gateway. Drives the slice through the gateway, kills the platform with SIGKILL,
 * starts it again on the same data and checks that the plan is still there and its public view rebuilt.
 */
class PlatformEndToEndIT {

    private static final Logger log = LoggerFactory.getLogger(PlatformEndToEndIT.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path data;
    private static LaunchedPlatform platform;
    private static String gateway;

    @BeforeAll
    static void ports() throws IOException {
        platform = LaunchedPlatform.prepare(data);
        gateway = platform.gateway();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        platform.close();
    }

    @Test
    void theSliceWorksThroughTheGatewayAndSurvivesAHardKill() throws Exception {
        double firstStart = platform.start();
        log.info("Platform ready in {} s (fresh data folder)", String.format("%.1f", firstStart));

        String token = token("superintendent", "demo");
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(gateway + "/api/vision/districts/demo-district/plans"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title":"Learner-centered 2030","startYear":2025,"endYear":2030,
                         "firstGoal":{"title":"Every learner on a personal pathway","conditions":["INSTRUCTION"]}}""")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String planId = JSON.readTree(created.body()).get("planId").asString();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith(gateway + "/api/vision/public/districts/demo-district/plans/"));

        JsonNode plan = awaitPublicPlan(planId, 1);
        assertThat(plan.get("goals").get(0).get("title").asString()).isEqualTo("Every learner on a personal pathway");

        HttpResponse<String> malformed = send(HttpRequest.newBuilder(URI.create(gateway + "/api/vision/districts/demo-district/plans"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": ")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(malformed.body()).get("errors").get(0).get("field").asString()).isEqualTo("body");

        for (String service : List.of("vision", "pilots", "pd", "partnerships")) {
            HttpResponse<String> docs = get("/api/" + service + "/v3/api-docs");
            assertThat(docs.statusCode()).as(service).isEqualTo(200);
            assertThat(docs.body()).as(service).contains("\"openapi\"", "/public/service-info");
        }
        assertThat(get("/api/vision/v3/api-docs").body()).contains("/districts/{districtId}/plans");
        assertThat(get("/districts/demo-district").body()).contains("<html");
        HttpResponse<String> menu = get("/api/pilots/public/districts/demo-district/proven-models");
        assertThat(menu.statusCode()).isEqualTo(200);
        assertThat(menu.body()).isEqualTo("[]");

        platform.killHard(); // kill -9: no shutdown hooks run
        LaunchedPlatform.awaitPortFree(platform.port("DOP_GATEWAY_PORT"));
        LaunchedPlatform.awaitPortFree(platform.port("DOP_VISION_PORT"));

        double restart = platform.start();
        log.info("Platform ready in {} s after kill -9 (read side rebuilt)", String.format("%.1f", restart));
        JsonNode afterRestart = awaitPublicPlan(planId, 1);
        assertThat(afterRestart.get("title").asString()).isEqualTo("Learner-centered 2030");
        assertThat(afterRestart.get("goals")).hasSize(1);
        assertThat(Files.readString(data.resolve("logs").resolve("vision-service.log")))
                .contains("will be rebuilt from the event store");
        // the signing key survived too: the token from before the restart is still accepted
        HttpResponse<String> goal = send(HttpRequest.newBuilder(URI.create(gateway + "/api/vision/districts/demo-district/plans/" + planId + "/goals"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Competency-based progression\"}")));
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
    }

    private static String token(String username, String password) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gateway + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + username + "&password=" + password)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** Polls the public view until the plan shows at least {@code goals} goals (projections are asynchronous). */
    private static JsonNode awaitPublicPlan(String planId, int goals) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get("/api/vision/public/districts/demo-district/plans/" + planId);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && JSON.readTree(response.body()).get("goals").size() >= goals) {
                return JSON.readTree(response.body());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Public view of plan " + planId + " not visible within 30 s; last answer: " + last);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
