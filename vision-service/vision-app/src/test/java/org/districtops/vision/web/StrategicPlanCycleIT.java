package org.districtops.vision.web;

import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.TestStores;
import org.districtops.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A superintendent runs the plan cycle through the API: a plan with three goals, measures and milestones,
 * owners' dated updates, a stale milestone, a target change with its reason; the public dashboard shows
 * computed health as of a date, the change log, CSV, and no account ids of staff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrategicPlanCycleIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "vision_cycle_it");
    }

    private final String district = "cycle-" + UUID.randomUUID().toString().substring(0, 8);
    private final String superintendent = TestTokens.token("sup-1", district, "superintendent");
    private final String owner = TestTokens.token("planner-7", district, "district-staff");
    private final String otherStaff = TestTokens.token("pilotlead-3", district, "district-staff");

    /**
     * The test records 2025 values today: a dashboard "as of 2025" counts only what was recorded by then (nothing),
     * so these reads ask for 2025 as seen with everything recorded since.
     */
    private static final String HINDSIGHT = "&recordedBy=2099-12-31";

    @Test
    void theFullPlanCycleIsVisibleOnThePublicDashboard() throws Exception {
        JsonNode plan = body(post("/districts/" + district + "/plans", superintendent, null,
                "{\"title\":\"Learner-centered 2030\",\"startYear\":2025,\"endYear\":2030}"), 201);
        String planId = plan.get("planId").asString();
        String base = "/districts/" + district + "/plans/" + planId;

        List<String> goals = new ArrayList<>();
        for (String title : List.of("Personal pathways", "Graduate profile", "Family partnerships")) {
            goals.add(body(post(base + "/goals", superintendent, null,
                    "{\"title\":\"" + title + "\",\"conditions\":[\"INSTRUCTION\"]}"), 201).get("goalId").asString());
        }
        String measureId = body(post(base + "/goals/" + goals.get(0) + "/measures", superintendent, null, """
                {"name":"Graduation rate","unit":"%","direction":"UP","baselineValue":80,"baselineDate":"2025-06-30",
                 "targets":[{"year":2026,"value":85},{"year":2027,"value":90}]}"""), 201).get("measureId").asString();
        String onTime = body(post(base + "/goals/" + goals.get(0) + "/milestones", superintendent, null, """
                {"title":"Train all teachers","owner":{"id":"planner-7","name":"Pat Planner"},
                 "start":"2025-08-01","due":"2026-05-31","weight":2,"updateCadenceDays":30}"""), 201)
                .get("milestoneId").asString();
        String forgotten = body(post(base + "/goals/" + goals.get(1) + "/milestones", superintendent, null, """
                {"title":"Publish the graduate profile <script>alert(1)</script>","owner":{"id":"planner-7","name":"Pat Planner"},
                 "start":"2025-08-01","due":"2026-01-31","updateCadenceDays":14}"""), 201)
                .get("milestoneId").asString();

        // the owner reports; another staff member may not; two updates from the same version: one wins
        HttpResponse<String> first = post(base + "/milestones/" + onTime + "/updates", owner, null,
                "{\"asOf\":\"2025-12-01\",\"percentComplete\":45,\"narrative\":\"Cohort 1 trained\"}");
        long version = body(first, 201).get("version").asLong();
        assertThat(first.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
        assertThat(post(base + "/milestones/" + onTime + "/updates", otherStaff, null,
                "{\"asOf\":\"2025-12-02\",\"percentComplete\":50}").statusCode()).isEqualTo(403);
        assertThat(post(base + "/milestones/" + onTime + "/updates", owner, "\"" + version + "\"",
                "{\"asOf\":\"2025-12-15\",\"percentComplete\":50}").statusCode()).isEqualTo(201);
        HttpResponse<String> stale = post(base + "/milestones/" + onTime + "/updates", superintendent,
                "\"" + version + "\"", "{\"asOf\":\"2025-12-16\",\"percentComplete\":60}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        body(post(base + "/measures/" + measureId + "/values", owner, null,
                "{\"asOf\":\"2025-12-31\",\"value\":82.5}"), 201);

        // a target change without a reason is refused, naming the field; with a reason it is public
        HttpResponse<String> noReason = post(base + "/measures/" + measureId + "/target-changes", superintendent, null,
                "{\"year\":2027,\"value\":88}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).get("errors").findValuesAsString("field")).contains("reason");
        body(post(base + "/measures/" + measureId + "/target-changes", superintendent, null,
                "{\"year\":2027,\"value\":88,\"reason\":\"State changed the cohort definition\"}"), 201);

        // the change log is public at once; a dashboard as of a date lists the changes made by then
        JsonNode publicView = await("/public/districts/" + district + "/plans/" + planId, d -> d.get("changes").size() == 1);
        JsonNode dashboard = body(get("/public/districts/" + district + "/plans/" + planId + "/dashboard?asOf=2025-12-31" + HINDSIGHT), 200);
        assertThat(dashboard.get("changes")).isEmpty();
        assertThat(body(get("/public/districts/" + district + "/plans/" + planId + "/dashboard"), 200).get("changes")).hasSize(1);
        JsonNode goal0 = dashboard.get("goals").get(0);
        JsonNode trained = goal0.get("milestones").get(0);
        assertThat(trained.get("percentComplete").asInt()).isEqualTo(50);
        assertThat(trained.get("ownerName").asString()).isEqualTo("Pat Planner");
        // 152 of 303 days gone: about 50.2% expected, 50% done
        assertThat(trained.get("health").asString()).isEqualTo("ON_TRACK");
        assertThat(goal0.get("measures").get(0).get("latestValue").asDouble()).isEqualTo(82.5);
        JsonNode graduateProfile = dashboard.get("goals").get(1).get("milestones").get(0);
        assertThat(graduateProfile.get("stale").asBoolean()).isTrue();
        assertThat(graduateProfile.get("health").asString()).isEqualTo("OFF_TRACK");
        assertThat(dashboard.get("goals").get(2).get("health").asString()).isEqualTo("NO_DATA");
        assertThat(dashboard.get("health").asString()).isIn("AT_RISK", "OFF_TRACK");
        JsonNode change = publicView.get("changes").get(0);
        assertThat(change.get("kind").asString()).isEqualTo("TARGET");
        assertThat(change.get("from").asString()).isEqualTo("90");
        assertThat(change.get("to").asString()).isEqualTo("88");
        assertThat(change.get("reason").asString()).isEqualTo("State changed the cohort definition");

        // as of an earlier date, later updates do not count yet
        JsonNode november = body(get("/public/districts/" + district + "/plans/" + planId + "/dashboard?asOf=2025-11-01" + HINDSIGHT), 200);
        assertThat(november.get("goals").get(0).get("milestones").get(0).has("percentComplete")
                && !november.get("goals").get(0).get("milestones").get(0).get("percentComplete").isNull()).isFalse();

        HttpResponse<String> csv = get("/public/districts/" + district + "/plans/" + planId + "/dashboard.csv?asOf=2025-12-31" + HINDSIGHT);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().findFirst()).hasValue("goal,type,item,owner,unit,baseline,target,actual,percent_complete,due,as_of,health,score");
        assertThat(csv.body()).contains("Train all teachers", "Graduation rate");

        // the superintendent's attention list: the forgotten milestone is stale; owners' workload
        JsonNode attention = body(getWithToken(base + "/attention?asOf=2025-12-31", superintendent), 200);
        assertThat(attention.get("stale").findValuesAsString("milestoneId")).containsExactly(forgotten);
        assertThat(attention.get("overdue")).isEmpty();
        assertThat(attention.get("owners").get(0).get("ownerId").asString()).isEqualTo("planner-7");
        assertThat(attention.get("owners").get(0).get("openMilestones").asInt()).isEqualTo(2);
        assertThat(attention.get("recentUpdates").get(0).get("percentComplete").asInt()).isEqualTo(50);
        assertThat(body(getWithToken(base + "/attention?asOf=2026-03-01", superintendent), 200).get("overdue")
                .findValuesAsString("milestoneId")).containsExactly(forgotten);
        assertThat(getWithToken(base + "/attention", TestTokens.token("edu-1", district, "educator")).statusCode())
                .isEqualTo(403);

        // the versioned goal list other services align with
        JsonNode goalList = body(get("/public/v1/districts/" + district + "/goals"), 200);
        assertThat(goalList.findValuesAsString("goalId")).containsExactlyElementsOf(goals);

        // the superintendent overrides a computed health, publicly and with a reason
        body(post(base + "/health-overrides/" + forgotten, superintendent, null,
                "{\"health\":\"AT_RISK\",\"reason\":\"Draft done, board review pending\"}"), 201);
        await("/public/districts/" + district + "/plans/" + planId, d -> d.get("changes").size() == 2);
        JsonNode overridden = body(get("/public/districts/" + district + "/plans/" + planId + "/dashboard?asOf=2025-12-31" + HINDSIGHT), 200)
                .get("goals").get(1).get("milestones").get(0);
        assertThat(overridden.get("health").asString()).isEqualTo("AT_RISK");
        assertThat(overridden.get("computedHealth").asString()).isEqualTo("OFF_TRACK");
        assertThat(overridden.get("overrideReason").asString()).isEqualTo("Draft done, board review pending");

        // the printable board report, as of a date; text is escaped
        HttpResponse<String> report = get("/public/districts/" + district + "/plans/" + planId + "/board-report?asOf=2025-12-31" + HINDSIGHT);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(report.body()).contains("Learner-centered 2030", "as of <strong>2025-12-31</strong>",
                "Train all teachers", "Pat Planner", "stale", "override: Draft done, board review pending");

        String publicPlan = get("/public/districts/" + district + "/plans/" + planId).body();
        assertThat(publicPlan).contains("Pat Planner").doesNotContain("planner-7");
        assertThat(report.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(dashboard.toString()).doesNotContain("planner-7");
    }

    @Test
    void badDatesAndOutOfRangeValuesAre400sNamingTheField() throws Exception {
        String planId = body(post("/districts/" + district + "/plans", superintendent, null,
                "{\"title\":\"Plan\",\"startYear\":2025,\"endYear\":2027,\"firstGoal\":{\"title\":\"G\"}}"), 201)
                .get("planId").asString();
        String goalId = await("/public/districts/" + district + "/plans/" + planId, d -> d.get("goals").size() == 1)
                .get("goals").get(0).get("goalId").asString();
        String base = "/districts/" + district + "/plans/" + planId + "/goals/" + goalId;
        assertField(post(base + "/milestones", superintendent, null,
                "{\"title\":\"M\",\"owner\":{\"id\":\"a\",\"name\":\"A\"},\"start\":\"2025-13-01\",\"due\":\"2026-01-01\"}"), "start");
        assertField(post(base + "/milestones", superintendent, null,
                "{\"title\":\"M\",\"owner\":{\"id\":\"a\",\"name\":\"A\"},\"start\":\"2026-02-01\",\"due\":\"2026-01-01\"}"), "due");
        assertField(post(base + "/measures", superintendent, null,
                "{\"name\":\"R\",\"unit\":\"%\",\"direction\":\"SIDEWAYS\",\"baselineValue\":1,\"baselineDate\":\"2025-06-30\",\"targets\":[{\"year\":2026,\"value\":2}]}"), "direction");
        assertField(post(base + "/measures", superintendent, null,
                "{\"name\":\"R\",\"unit\":\"%\",\"direction\":\"UP\",\"baselineValue\":1,\"baselineDate\":\"2025-06-30\",\"targets\":[{\"year\":2029,\"value\":2}]}"), "targets[0].year");
        assertField(get("/public/districts/" + district + "/plans/" + planId + "/dashboard?asOf=yesterday"), "asOf");
    }

    private void assertField(HttpResponse<String> response, String field) {
        ApiClient.assertProblem(response, 400, field);
    }

    private JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        return api().await(path, null, done);
    }

    private static JsonNode body(HttpResponse<String> response, int status) {
        return ApiClient.body(response, status);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return api().get(path, null);
    }

    private HttpResponse<String> getWithToken(String path, String token) throws Exception {
        return api().get(path, token);
    }

    private HttpResponse<String> post(String path, String token, String ifMatch, String body) throws Exception {
        return api().send("POST", path, token, ifMatch, body);
    }

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port + "/api/vision");
    }
}
