package org.districtops.pilot.web;

import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.FakeVisionGoals;
import org.districtops.testsupport.TestStores;
import org.districtops.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.districtops.testsupport.ApiClient.assertProblem;
import static org.districtops.testsupport.ApiClient.body;

/**
 * The pilot lifecycle through the API: a model proven in wave 1, adopted in wave 2, one stopped pilot, and a
 * pilot proposed while vision-service is down (UNVERIFIED, then checked once it is back). vision-service is
 * stood in for by a loopback HTTP server that serves its published v1 goal contract.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dop.pilot.alignment-recheck-interval=500ms")
class PilotLifecycleIT {

    private static final FakeVisionGoals vision = FakeVisionGoals.serving(
            "[{\"goalId\":\"g-1\",\"planId\":\"p\",\"planTitle\":\"Plan\",\"title\":\"Goal\",\"conditions\":[]}]");

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    /** Each test starts with vision-service up and its circuit breaker closed. */
    @BeforeEach
    void visionAvailable() {
        vision.available(true);
        circuitBreakers.circuitBreaker("vision").reset();
    }

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "pilot_lifecycle_it");
        registry.add("dop.vision.uri", () -> vision.uri());
    }

    @AfterAll
    static void stopVision() {
        vision.stop();
    }

    private final String district = "pilots-" + UUID.randomUUID().toString().substring(0, 8);
    private final String lead = TestTokens.token("pilotlead", district, "district-staff");


    @Test
    void twoWavesOfAProvenModelAndAStoppedPilot() throws Exception {
        ApiClient api = api();
        // wave 1: proposed, pre-registered, launched, one cycle with matched classrooms, scaled
        String wave1 = propose("/districts/" + district + "/pilots", "Station rotation, grade 4", "[\"g-1\"]");
        assertThat(body(api.send("PUT", "/districts/" + district + "/pilots/" + wave1 + "/criteria", lead, null, CRITERIA), 200)
                .get("criteria").asString()).isEqualTo("pre-registered");
        runCycle(wave1, 52, 46);
        JsonNode scaled = body(api.post("/districts/" + district + "/pilots/" + wave1 + "/decision", lead,
                "{\"decision\":\"SCALE\",\"rationale\":\"Beat matched classrooms by 6 points\"}"), 201);
        assertThat(scaled.get("evidenceTier").asInt()).isEqualTo(2);

        // wave 2 adopts the proven model in more schools, once the menu shows it (read side: moments later)
        api.await("/public/districts/" + district + "/proven-models", null, m -> m.size() == 1);
        JsonNode wave2 = body(api.post("/districts/" + district + "/proven-models/" + wave1 + "/waves", lead, """
                {"title":"Station rotation, grade 4, east schools","gap":"Math gap","students":"Grade 4",
                 "schoolLevel":"K8","schools":["Adams ES","Baker ES"],"classrooms":8,"cohortSize":190,
                 "start":"2026-08-20","end":"2027-01-31","goalIds":["g-1"]}"""), 201);
        assertThat(wave2.get("wave").asInt()).isEqualTo(2);
        String wave2Id = wave2.get("pilotId").asString();
        api.send("PUT", "/districts/" + district + "/pilots/" + wave2Id + "/criteria", lead, null, CRITERIA);
        runCycle(wave2Id, 49, 45);
        body(api.post("/districts/" + district + "/pilots/" + wave2Id + "/decision", lead,
                "{\"decision\":\"CONTINUE\",\"rationale\":\"Positive but smaller; one more cycle\"}"), 201);

        // a pilot that did not work is stopped
        String stopped = propose("/districts/" + district + "/pilots", "Flex model, grade 9", "[]");
        api.send("PUT", "/districts/" + district + "/pilots/" + stopped + "/criteria", lead, null, CRITERIA);
        runCycle(stopped, 44, 47);
        body(api.post("/districts/" + district + "/pilots/" + stopped + "/decision", lead,
                "{\"decision\":\"STOP\",\"rationale\":\"Below matched classrooms\"}"), 201);

        // the public audit feed lists the decisions (allow-listed), by role and never by who
        JsonNode audit = api.await("/public/districts/" + district + "/audit/entries?eventType=PilotDecided", null,
                // the page's entries and its total are two queries: wait until both show all three
                page -> page.get("total").asInt() == 3 && page.get("entries").size() == 3);
        assertThat(audit.get("entries").get(0).get("summary").asString())
                .startsWith("Pilot " + stopped + " decided: STOP (evidence tier ");
        assertThat(audit.get("entries").findValuesAsString("service")).containsOnly("pilot");
        assertThat(audit.toString()).doesNotContain("actorId", "correlationId", "Below matched classrooms");
        assertThat(api.post("/districts/" + district + "/pilots/" + stopped + "/cycles", lead,
                "{\"plan\":\"Again\",\"measureBy\":\"2026-12-01\"}").statusCode()).isEqualTo(409);

        // the public menu shows the proven model with both waves and its evidence
        JsonNode menu = api.await("/public/districts/" + district + "/proven-models", null,
                m -> m.size() == 1 && m.get(0).get("waves").size() == 2
                        && !m.get(0).get("waves").get(1).get("decision").isNull());
        JsonNode model = menu.get(0);
        assertThat(model.get("bestEvidenceTier").asInt()).isEqualTo(2);
        assertThat(model.get("waves").get(0).get("decision").asString()).isEqualTo("SCALE");
        assertThat(model.get("waves").get(1).get("decision").asString()).isEqualTo("CONTINUE");
        assertThat(model.get("waves").get(0).get("results").get(0).get("pilotMean").asDouble()).isEqualTo(52.0);
        HttpResponse<String> csv = api.get("/public/districts/" + district + "/proven-models.csv", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Station rotation", "Math proficiency");

        // another district sees the menu once this district chooses to share it
        assertThat(body(api.get("/public/shared-proven-models", null), 200).findValuesAsString("districtId"))
                .doesNotContain(district);
        assertThat(api.send("PUT", "/districts/" + district + "/proven-model-sharing", lead, null,
                "{\"shared\":true}").statusCode()).isEqualTo(403);
        body(api.send("PUT", "/districts/" + district + "/proven-model-sharing",
                TestTokens.token("sup", district, "superintendent"), null, "{\"shared\":true}"), 200);
        api.await("/public/shared-proven-models", null, m -> m.findValuesAsString("districtId").contains(district));

        JsonNode board = api.await("/districts/" + district + "/pilots", lead,
                b -> b.findValuesAsString("status").contains("STOPPED"));
        assertThat(board.findValuesAsString("status")).containsExactlyInAnyOrder("SCALED", "LAUNCHED", "STOPPED");
    }

    @Test
    void proposingWhileVisionIsDownIsFlaggedAndCheckedOnceItIsBack() throws Exception {
        vision.available(false);
        String pilot;
        try {
            JsonNode proposed = body(api().post("/districts/" + district + "/pilots", lead, proposal("Flex model", "[\"g-1\"]")), 201);
            assertThat(proposed.get("alignment").asString()).isEqualTo("UNVERIFIED");
            pilot = proposed.get("pilotId").asString();
        } finally {
            vision.available(true);
        }
        JsonNode checked = api().await("/public/districts/" + district + "/pilots/" + pilot, null,
                p -> "VERIFIED".equals(p.get("alignment").asString()));
        assertThat(checked.get("goalIds").get(0).asString()).isEqualTo("g-1");
    }

    /**
     * Issue 10, another service down: vision-service hangs (accepts, never answers). Proposals still answer within
     * the client's bounded budget (2 s per attempt, 2 attempts) and, once the circuit breaker has opened, at once —
     * the pilot service never waits on vision per request or runs out of threads; the proposals are UNVERIFIED and
     * are checked once vision answers again.
     */
    @Test
    void whileVisionHangsProposalsStayFastAndAreCheckedOnceItIsBack() throws Exception {
        vision.silent(true);
        List<String> pilots = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                long start = System.nanoTime();
                HttpResponse<String> proposed = assertTimeoutPreemptively(Duration.ofSeconds(8),
                        () -> api().post("/districts/" + district + "/pilots", lead, proposal("Hung vision", "[\"g-1\"]")));
                millis.add((System.nanoTime() - start) / 1_000_000);
                JsonNode body = body(proposed, 201);
                assertThat(body.get("alignment").asString()).isEqualTo("UNVERIFIED");
                pilots.add(body.get("pilotId").asString());
            }
        } finally {
            vision.silent(false);
        }
        LoggerFactory.getLogger(PilotLifecycleIT.class).info("Proposals while vision-service hangs took {} ms", millis);
        assertThat(millis.subList(millis.size() - 2, millis.size())).as("breaker open: no wait on vision, " + millis)
                .allSatisfy(ms -> assertThat(ms).isLessThan(1_500));
        for (String pilot : pilots) {
            api().await("/public/districts/" + district + "/pilots/" + pilot, null,
                    p -> "VERIFIED".equals(p.get("alignment").asString()));
        }
    }

    @Test
    void aGoalThatIsNotInThePlanIsA400NamingGoalIds() throws Exception {
        assertProblem(api().post("/districts/" + district + "/pilots", lead, proposal("Flex", "[\"nope\"]")), 400, "goalIds");
    }

    @Test
    void lockedCriteriaSmallCohortsAndBadInput() throws Exception {
        ApiClient api = api();
        String pilot = body(api.post("/districts/" + district + "/pilots", lead, proposal("Tiny pilot", "[]")
                .replace("\"cohortSize\":140", "\"cohortSize\":8")), 201).get("pilotId").asString();
        assertThat(api.post("/districts/" + district + "/pilots/" + pilot + "/launch", lead,
                "{\"launchedOn\":\"2026-01-05\"}").statusCode()).isEqualTo(409);
        api.send("PUT", "/districts/" + district + "/pilots/" + pilot + "/criteria", lead, null, CRITERIA);
        body(api.post("/districts/" + district + "/pilots/" + pilot + "/launch", lead, "{\"launchedOn\":\"2026-01-05\"}"), 200);
        assertThat(api.send("PUT", "/districts/" + district + "/pilots/" + pilot + "/criteria", lead, null, CRITERIA)
                .statusCode()).isEqualTo(409);
        assertProblem(api.post("/districts/" + district + "/pilots/" + pilot + "/criteria-amendments", lead,
                "{\"criteria\":" + CRITERIA + "}"), 400, "reason");
        body(api.post("/districts/" + district + "/pilots/" + pilot + "/criteria-amendments", lead,
                "{\"criteria\":" + CRITERIA.replace("MATCHED_CLASSROOMS", "PRIOR_YEAR_BASELINE")
                        + ",\"reason\":\"Matched classrooms left\"}"), 201);
        assertProblem(api.post("/districts/" + district + "/pilots", lead, proposal("X", "[]")
                .replace("STATION_ROTATION", "TELEPATHY")), 400, "modelType");
        assertThat(api.post("/districts/" + district + "/pilots", TestTokens.token("edu", district, "educator"),
                proposal("X", "[]")).statusCode()).isEqualTo(403);

        JsonNode publicView = api.await("/public/districts/" + district + "/pilots/" + pilot, null,
                p -> p.get("amendments").size() == 1);
        assertThat(publicView.get("cohortSize").asString()).isEqualTo("<10");
        assertThat(publicView.get("amendments").get(0).get("reason").asString()).isEqualTo("Matched classrooms left");
        assertThat(publicView.get("preRegistered").get("comparisonGroup").asString()).isEqualTo("MATCHED_CLASSROOMS");
        assertThat(publicView.get("criteria").get("comparisonGroup").asString()).isEqualTo("PRIOR_YEAR_BASELINE");
    }

    private static final String CRITERIA = """
            {"metrics":[{"metricId":"prof","name":"Math proficiency","unit":"%","direction":"UP","baseline":40,"target":50}],
             "comparisonGroup":"MATCHED_CLASSROOMS","decisionRule":"Scale if 5 points above matched classrooms"}""";

    private String proposal(String title, String goalIds) {
        return """
                {"title":"%s","gap":"Grade 4 math gap","students":"Grade 4 students","modelType":"STATION_ROTATION",
                 "modelName":"Station rotation","schoolLevel":"ELEMENTARY","schools":["Jefferson ES","Lincoln ES"],"classrooms":6,"cohortSize":140,
                 "start":"2026-01-05","end":"2026-06-15","goalIds":%s}""".formatted(title, goalIds);
    }

    private String propose(String path, String title, String goalIds) throws Exception {
        JsonNode created = body(api().post(path, lead, proposal(title, goalIds)), 201);
        return created.get("pilotId").asString();
    }

    /** Launch (if needed), one cycle with two pilot and two comparison classrooms, completed. */
    private void runCycle(String pilot, double pilotValue, double comparisonValue) throws Exception {
        ApiClient api = api();
        String base = "/districts/" + district + "/pilots/" + pilot;
        api.post(base + "/launch", lead, "{\"launchedOn\":\"2026-01-05\"}");
        String cycle = body(api.post(base + "/cycles", lead, "{\"plan\":\"Three stations\",\"measureBy\":\"2026-03-01\"}"), 201)
                .get("cycleId").asString();
        for (String group : new String[]{"PILOT", "COMPARISON"}) {
            double value = group.equals("PILOT") ? pilotValue : comparisonValue;
            for (int room = 1; room <= 2; room++) {
                body(api.post(base + "/cycles/" + cycle + "/measurements", lead,
                        "{\"metricId\":\"prof\",\"group\":\"" + group + "\",\"unit\":\"Room " + room + "\",\"value\":"
                                + (value + (room == 1 ? -1 : 1)) + ",\"students\":25}"), 201);
            }
        }
        body(api.post(base + "/cycles/" + cycle + "/completion", lead,
                "{\"observed\":\"Groups of six worked best\",\"nextChanges\":\"Add a peer station\"}"), 200);
    }

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port + "/api/pilots");
    }
}
