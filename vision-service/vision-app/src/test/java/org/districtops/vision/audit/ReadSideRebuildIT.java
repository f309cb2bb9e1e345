package org.districtops.vision.audit;

import org.bson.Document;
import org.districtops.kit.messaging.Actor;
import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.TestTokens;
import org.districtops.vision.api.CreateStrategicPlan;
import org.districtops.vision.api.GoalDraft;
import org.districtops.vision.api.PlanRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.districtops.testsupport.ApiClient.body;

/**
 * The admin rebuild: after a realistic workload, every projection is replayed into new collections while the old
 * view keeps answering; after the switch-over the rebuilt read model equals the live one it replaced.
 */
class ReadSideRebuildIT extends AuditITSupport {

    private final String admin = TestTokens.token("operator-1", "av-admin", "platform-admin");

    @Test
    void aRebuildServesTheOldViewMeanwhileThenSwitchesToAnIdenticalOne() throws Exception {
        workload();
        awaitProjections();
        Map<String, List<Document>> live = readSide();
        assertThat(live).containsKeys("public_plans", "public_vision", "audit_entries");
        String plan = "/public/districts/" + district + "/plans/p1";
        String planBefore = body(api.get(plan, null), 200).toString();

        Gate.hold();
        JsonNode started = body(api.post("/admin/read-side/rebuilds", admin, null), 202);
        assertThat(started.get("state").asString()).isEqualTo("RUNNING");
        List<String> groups = ApiClient.JSON.convertValue(started.get("processingGroups"), List.class);
        assertThat(groups).contains("public-plans", "public-vision", "readiness", "audit-view");
        Gate.awaitReached();
        try {
            // caught up but not switched: the old view answers, and the new collections hold the same data
            assertThat(body(api.get(plan, null), 200).toString()).isEqualTo(planBefore);
            assertThat(readSideDatabase.getCollection("public_plans__rebuild").find()
                    .sort(new Document("_id", 1)).into(new java.util.ArrayList<>())).isEqualTo(live.get("public_plans"));
            JsonNode progress = body(api.get("/admin/read-side/rebuilds/current", admin), 200);
            assertThat(progress.get("state").asString()).isEqualTo("RUNNING");
            assertThat(progress.get("eventsDone").asLong()).isPositive().isEqualTo(progress.get("eventsTotal").asLong());
            assertThat(progress.has("eventsPerSecond")).isTrue();
            assertThat(progress.get("secondsLeft").asLong()).isZero();
            // a second rebuild meanwhile is a conflict
            assertThat(api.post("/admin/read-side/rebuilds", admin, null).statusCode()).isEqualTo(409);
        } finally {
            Gate.letGo();
        }

        JsonNode done = api.await("/admin/read-side/rebuilds/current", admin,
                s -> !s.get("state").asString().equals("RUNNING") && !s.get("state").asString().equals("SWITCHING"));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(ApiClient.JSON.convertValue(done.get("collections"), List.class))
                .contains("public_plans", "public_vision", "audit_entries");
        awaitProjections();
        Map<String, List<Document>> rebuilt = readSide();
        assertThat(rebuilt.keySet()).noneMatch(name -> name.endsWith("__rebuild"));
        assertThat(rebuilt).isEqualTo(live);

        // the live processors run on over the switched collections
        commands.send(new CreateStrategicPlan(new PlanRef(district, "after"), "After the rebuild", 2026, 2029,
                new GoalDraft("g0", "Goal", null, List.of())), superintendent);
        api.await("/public/districts/" + district + "/plans", null, plans -> plans.size() == 3);
    }

    @Test
    void oneProjectionCanBeRebuiltAndOnlyOperatorsMayStartOne() throws Exception {
        assertThat(api.post("/admin/read-side/rebuilds", TestTokens.token("aud-1", district, "auditor"), null)
                .statusCode()).isEqualTo(403);
        // a superintendent acts for one district; a rebuild re-derives every district's views (issue 10)
        String superintendentOfADistrict = TestTokens.token("sup-1", district, "superintendent");
        assertThat(api.post("/admin/read-side/rebuilds", superintendentOfADistrict, null).statusCode()).isEqualTo(403);
        assertThat(api.get("/admin/read-side/projections", superintendentOfADistrict).statusCode()).isEqualTo(403);
        assertThat(api.post("/admin/read-side/rebuilds", null, null).statusCode()).isEqualTo(401);
        ApiClient.assertProblem(api.post("/admin/read-side/rebuilds?processingGroup=nope", admin, null), 400,
                "processingGroup");

        planWorkload("one");
        awaitProjections();
        Map<String, List<Document>> live = readSide();
        JsonNode started = body(api.post("/admin/read-side/rebuilds?processingGroup=public-plans", admin, null), 202);
        assertThat(ApiClient.JSON.convertValue(started.get("processingGroups"), List.class)).containsExactly("public-plans");
        JsonNode done = api.await("/admin/read-side/rebuilds/current", admin,
                s -> s.get("state").asString().equals("DONE") || s.get("state").asString().equals("FAILED"));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(ApiClient.JSON.convertValue(done.get("collections"), List.class)).containsExactly("public_plans");
        awaitProjections();
        assertThat(readSide()).isEqualTo(live);
    }

    /** Two plans with goals, measures, milestones, values, updates and a target change, and a vision in consultation. */
    private void workload() throws Exception {
        planWorkload("p1");
        planWorkload("p2");
        String sup = TestTokens.token("sup-1", district, "superintendent");
        String vision = "/districts/" + district + "/vision";
        body(api.post(vision + "/drafts", sup, """
                {"statement":"Every learner ready","outcomes":["Own their learning"],"gaps":["Reading"],
                 "rationale":"Pathways"}"""), 201);
        body(api.send("POST", vision + "/comment-period", sup, "\"0\"",
                "{\"closesOn\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(30) + "\"}"), 201);
        body(api.post("/public/districts/" + district + "/vision/comments", null, "{\"text\":\"More arts\"}"), 201);
    }
}
