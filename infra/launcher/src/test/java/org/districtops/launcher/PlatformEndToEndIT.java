package org.districtops.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
    private static Map<String, String> env;
    private static Process platform;
    private static String gateway;

    @BeforeAll
    static void ports() throws IOException {
        env = new HashMap<>();
        env.put("DOP_HOME", System.getProperty("dop.home"));
        env.put("DOP_DATA_DIR", data.toString());
        for (String name : List.of("DOP_AUTH_PORT", "DOP_GATEWAY_PORT", "DOP_VISION_PORT", "DOP_PILOT_PORT", "DOP_PD_PORT",
                "DOP_PARTNERSHIP_PORT", "DOP_POSTGRES_PORT", "DOP_MONGO_PORT")) {
            env.put(name, Integer.toString(freePort()));
        }
        gateway = "http://localhost:" + env.get("DOP_GATEWAY_PORT");
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null && platform.isAlive()) {
            platform.destroy(); // SIGTERM: the launcher stops services, MongoDB server and PostgreSQL
            if (!platform.waitFor(60, TimeUnit.SECONDS)) {
                platform.destroyForcibly();
            }
        }
    }

    @Test
    void theSliceWorksThroughTheGatewayAndSurvivesAHardKill() throws Exception {
        double firstStart = startPlatform();
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

        platform.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9: no shutdown hooks run
        awaitPortFree(Integer.parseInt(env.get("DOP_GATEWAY_PORT")));
        awaitPortFree(Integer.parseInt(env.get("DOP_VISION_PORT")));

        double restart = startPlatform();
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

    /** Starts the launcher jar and returns the seconds until it reported ready. */
    private static double startPlatform() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", System.getProperty("dop.launcher.jar")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        platform = builder.start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    log.info("[platform] {}", line);
                    if (line.startsWith("PLATFORM READY")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // the platform was stopped
            }
            ready.complete(false);
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(ready.get(240, TimeUnit.SECONDS)).as("platform reported ready").isTrue();
        return (System.nanoTime() - t0) / 1e9;
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPortFree(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (ServerSocket ignored = new ServerSocket(port)) {
                return;
            } catch (IOException inUse) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("Port " + port + " still in use 60 s after the platform was killed");
    }
}
