package org.districtops.vision.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.districtops.kit.audit.view.AuditViewProjection;
import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.ProjectionReplay;
import org.districtops.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.districtops.testsupport.ApiClient.body;

/**
 * The audit view of vision-service: staff see who did what, when, on which plan; auditors also see restricted
 * entries; the public sees only the allow-listed decisions, without who; replaying the events changes nothing.
 */
class AuditViewIT extends AuditITSupport {

    private String entries(String query) {
        return "/districts/" + district + "/audit/entries" + query;
    }

    @Test
    void staffFindWhoDidWhatWhenByAggregateActorTypeAndTime() throws Exception {
        Instant before = Instant.now();
        planWorkload("p1");
        // the audit view's segments run in parallel: read only once every processor has caught up
        awaitProjections();
        String staff = TestTokens.token("staff-1", district, "district-staff");
        String aggregate = district + "/plan/p1";

        JsonNode all = api.await(entries("?aggregateId=" + aggregate), staff, p -> p.get("total").asLong() == 8);
        List<String> types = all.get("entries").findValuesAsString("eventType");
        assertThat(types).containsExactly("MeasureTargetChanged", "MilestoneProgressRecorded", "MeasureValueRecorded",
                "MilestoneAdded", "MeasureAdded", "PlanGoalAdded", "PlanGoalAdded", "StrategicPlanCreated");

        JsonNode target = all.get("entries").get(0);
        assertThat(target.get("actorId").asString()).isEqualTo("sup-1");
        assertThat(target.get("actorRole").asString()).isEqualTo("superintendent");
        assertThat(target.get("aggregateType").asString()).isEqualTo("StrategicPlan");
        assertThat(target.get("aggregateId").asString()).isEqualTo(aggregate);
        assertThat(target.get("districtId").asString()).isEqualTo(district);
        assertThat(target.get("service").asString()).isEqualTo("vision");
        assertThat(target.get("correlationId").asString()).isNotBlank();
        assertThat(target.get("summary").asString())
                .isEqualTo("Target for 2027 of measure m0 in plan p1 changed from 90.0 to 88.0: State changed the cohort definition");
        Instant at = Instant.parse(target.get("at").asString());
        assertThat(at).isAfterOrEqualTo(before.minusSeconds(1));
        // the default summary: the event type in words and the aggregate
        assertThat(all.get("entries").get(5).get("summary").asString())
                .isEqualTo("Plan goal added (strategic plan " + aggregate + ")");

        JsonNode byActor = body(api.get(entries("?actorId=planner-7"), staff), 200);
        assertThat(byActor.get("entries").findValuesAsString("eventType")).containsExactly("MilestoneProgressRecorded");
        assertThat(byActor.get("entries").get(0).get("actorRole").asString()).isEqualTo("district-staff");

        JsonNode byType = body(api.get(entries("?eventType=MeasureAdded&aggregateType=StrategicPlan"), staff), 200);
        assertThat(byType.get("total").asLong()).isEqualTo(1);

        JsonNode inRange = body(api.get(entries("?from=" + at + "&to=" + at.plusMillis(1)), staff), 200);
        assertThat(inRange.get("entries").findValuesAsString("eventType")).contains("MeasureTargetChanged");
        assertThat(body(api.get(entries("?from=" + Instant.now().plusSeconds(3600)), staff), 200).get("total").asLong())
                .isZero();

        JsonNode page0 = body(api.get(entries("?aggregateId=" + aggregate + "&size=3"), staff), 200);
        JsonNode page2 = body(api.get(entries("?aggregateId=" + aggregate + "&size=3&page=2"), staff), 200);
        assertThat(page0.get("entries").findValuesAsString("eventType")).containsExactlyElementsOf(types.subList(0, 3));
        assertThat(page2.get("entries").findValuesAsString("eventType")).containsExactly("PlanGoalAdded", "StrategicPlanCreated");
        assertThat(page2.get("total").asLong()).isEqualTo(8);
    }

    @Test
    void thePublicSeesOnlyAllowListedDecisionsWithoutWhoAndAuditorsAlsoSeeRestrictedEntries() throws Exception {
        planWorkload("p2");
        String vision = "/districts/" + district + "/vision";
        String sup = TestTokens.token("sup-1", district, "superintendent");
        body(api.post(vision + "/drafts", sup, """
                {"statement":"Every learner ready","outcomes":["Own their learning"],"gaps":["Reading"],
                 "rationale":"Pathways"}"""), 201);
        body(api.send("POST", vision + "/comment-period", sup, "\"0\"",
                "{\"closesOn\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(30) + "\"}"), 201);
        body(api.post("/public/districts/" + district + "/vision/comments", null,
                "{\"text\":\"I am Jane Doe, jane@example.org, and I want more arts\"}"), 201);

        awaitProjections();
        String auditor = TestTokens.token("aud-1", district, "auditor");
        JsonNode forAuditor = api.await(entries("?size=100"), auditor,
                p -> p.get("entries").findValuesAsString("eventType").contains("VisionCommentSubmitted"));
        JsonNode comment = forAuditor.get("entries").get(0);
        assertThat(comment.get("eventType").asString()).isEqualTo("VisionCommentSubmitted");
        assertThat(comment.get("restricted").asBoolean()).isTrue();
        assertThat(comment.get("summary").asString()).doesNotContain("Jane", "jane@example.org");

        JsonNode forStaff = body(api.get(entries("?size=100"), TestTokens.token("staff-1", district, "district-staff")), 200);
        assertThat(forStaff.get("entries").findValuesAsString("eventType"))
                .doesNotContain("VisionCommentSubmitted").contains("VisionDrafted");
        assertThat(forStaff.get("total").asLong()).isEqualTo(forAuditor.get("total").asLong() - 1);

        HttpResponse<String> open = api.get("/public/districts/" + district + "/audit/entries", null);
        JsonNode publicFeed = body(open, 200);
        assertThat(publicFeed.get("entries").findValuesAsString("eventType"))
                .containsExactly("CommentPeriodOpened", "MeasureTargetChanged", "StrategicPlanCreated");
        assertThat(publicFeed.get("entries").findValuesAsString("actorRole")).containsOnly("superintendent");
        assertThat(publicFeed.get("entries").get(1).get("summary").asString())
                .isEqualTo("Target for 2027 of measure m0 in plan p2 changed from 90.0 to 88.0: State changed the cohort definition");
        assertThat(open.body()).doesNotContain("sup-1", "planner-7", "Pat Planner", "Jane", "actorId", "correlationId");
    }

    @Test
    void theStaffViewNeedsAStaffRoleOfTheDistrictAndValidFilters() throws Exception {
        assertThat(api.get(entries(""), TestTokens.token("edu-1", district, "educator")).statusCode()).isEqualTo(403);
        assertThat(api.get(entries(""), TestTokens.token("sup-9", "other-district", "superintendent")).statusCode())
                .isEqualTo(403);
        assertThat(api.get(entries(""), null).statusCode()).isEqualTo(401);
        String staff = TestTokens.token("staff-1", district, "district-staff");
        ApiClient.assertProblem(api.get(entries("?size=0"), staff), 400, "size");
        ApiClient.assertProblem(api.get(entries("?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), staff), 400, "from");
        ApiClient.assertProblem(api.get("/public/districts/" + district + "/audit/entries?page=-1", null), 400, "page");
    }

    @Test
    void replayingTheSameEventsAgainLeavesTheAuditViewUnchanged() throws Exception {
        planWorkload("p3");
        awaitProjections();
        List<Document> before = auditEntries();
        assertThat(before).hasSize(8);

        StreamingEventProcessor processor = processing
                .eventProcessor(AuditViewProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        ProjectionReplay.replay(processor, () -> { });
        awaitProjections();

        assertThat(auditEntries()).isEqualTo(before);
    }

    private List<Document> auditEntries() {
        return readSideDatabase.getCollection(AuditViewProjection.COLLECTION).find(Filters.eq("districtId", district))
                .sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
