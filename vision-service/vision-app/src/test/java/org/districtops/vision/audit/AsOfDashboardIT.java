package org.districtops.vision.audit;

import org.axonframework.eventhandling.GenericEventMessage;
import org.districtops.vision.api.*;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.districtops.testsupport.ApiClient.body;

/**
 * "As of" dashboards come from the events recorded by that date. Plan A gets events in January and March; its twin
 * B gets only A's January events. A's dashboard as of February equals B's; today's dashboard of A differs from it
 * by exactly what the March events changed.
 */
class AsOfDashboardIT extends AuditITSupport {

    private static final Instant JANUARY = Instant.parse("2026-01-10T12:00:00Z");
    private static final Instant MARCH = Instant.parse("2026-03-10T12:00:00Z");
    private static final LocalDate FEBRUARY_1 = LocalDate.of(2026, 2, 1);

    @Test
    void aPastDashboardDiffersFromTodaysExactlyByTheLaterEvents() throws Exception {
        try {
            GenericEventMessage.clock = Clock.fixed(JANUARY, ZoneOffset.UTC);
            januaryEvents("a");
            januaryEvents("b");
            GenericEventMessage.clock = Clock.fixed(MARCH, ZoneOffset.UTC);
            PlanRef a = new PlanRef(district, "a");
            commands.send(new ChangeMeasureTarget(a, "m0", 2026, 88, "Board raised the bar", null), superintendent);
            commands.send(new RecordMeasureValue(a, "m0", LocalDate.of(2026, 3, 1), 84, "spring count", null),
                    superintendent);
            commands.send(new AddPlanGoal(a, new GoalDraft("g1", "Family partnerships", null, List.of()), null),
                    superintendent);
        } finally {
            GenericEventMessage.clock = Clock.systemUTC();
        }
        api.await("/public/districts/" + district + "/plans/a", null, p -> p.get("goals").size() == 2);

        JsonNode aThen = dashboard("a", "?asOf=" + FEBRUARY_1);
        JsonNode bThen = dashboard("b", "?asOf=" + FEBRUARY_1);
        assertThat(withoutPlanId(aThen)).isEqualTo(withoutPlanId(bThen));
        JsonNode measureThen = aThen.get("goals").get(0).get("measures").get(0);
        assertThat(aThen.get("goals")).hasSize(1);
        assertThat(measureThen.get("target").asDouble()).isEqualTo(85);
        assertThat(measureThen.get("latestValue").asDouble()).isEqualTo(81);
        assertThat(aThen.get("changes")).isEmpty();

        // today: the March events and nothing else make the difference
        String today = "?asOf=" + LocalDate.now(ZoneOffset.UTC);
        JsonNode aNow = dashboard("a", today);
        JsonNode bNow = dashboard("b", today);
        assertThat(aNow.get("goals")).hasSize(2);
        assertThat(aNow.get("goals").get(1).get("title").asString()).isEqualTo("Family partnerships");
        JsonNode measureNow = aNow.get("goals").get(0).get("measures").get(0);
        assertThat(measureNow.get("latestValue").asDouble()).isEqualTo(84);
        assertThat(aNow.get("changes").findValuesAsString("reason")).containsExactly("Board raised the bar");
        assertThat(bNow.get("goals")).hasSize(1);
        assertThat(bNow.get("changes")).isEmpty();

        // the read model alone (everything recorded since) would have shown February with March's target and goal
        JsonNode hindsight = dashboard("a", "?asOf=" + FEBRUARY_1 + "&recordedBy=2099-12-31");
        assertThat(hindsight.get("goals")).hasSize(2);
        assertThat(hindsight.get("goals").get(0).get("measures").get(0).get("target").asDouble()).isEqualTo(88);

        String report = api.get("/public/districts/" + district + "/plans/a/board-report?asOf=" + FEBRUARY_1, null).body();
        assertThat(report).contains("as recorded by the end of 2026-02-01", "Personal pathways")
                .doesNotContain("Family partnerships", "Board raised the bar");

        assertThat(api.get("/public/districts/" + district + "/plans/a/dashboard?asOf=2026-01-09", null).statusCode())
                .as("the plan did not exist yet").isEqualTo(404);
    }

    private void januaryEvents(String planId) {
        PlanRef plan = new PlanRef(district, planId);
        commands.send(new CreateStrategicPlan(plan, "Learner-centered 2030", 2025, 2030,
                new GoalDraft("g0", "Personal pathways", null, List.of(DistrictCondition.INSTRUCTION))), superintendent);
        commands.send(new AddMeasure(plan, "g0", "m0", "Graduation rate", "%", Direction.UP, 80,
                LocalDate.of(2025, 6, 30), List.of(new YearTarget(2026, 85), new YearTarget(2027, 90)), null),
                superintendent);
        commands.send(new RecordMeasureValue(plan, "m0", LocalDate.of(2026, 1, 5), 81, "winter count", null),
                superintendent);
    }

    private JsonNode dashboard(String planId, String query) throws Exception {
        return body(api.get("/public/districts/" + district + "/plans/" + planId + "/dashboard" + query, null), 200);
    }

    private static JsonNode withoutPlanId(JsonNode dashboard) {
        ObjectNode copy = (ObjectNode) dashboard.deepCopy();
        copy.remove("planId");
        return copy;
    }
}
