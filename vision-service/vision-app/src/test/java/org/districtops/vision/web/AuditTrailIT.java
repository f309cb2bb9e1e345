package org.districtops.vision.web;

import org.districtops.kit.audit.EventChainCheckpoints;
import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.TestStores;
import org.districtops.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.districtops.testsupport.ApiClient.body;

/**
 * The event store's audit trail through vision-service's HTTP API: events appended by real commands are chained,
 * an auditor verifies the chain, anyone reads the checkpoints, and a tampered event is reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailIT {

    @LocalServerPort
    int port;
    @Autowired
    EventChainCheckpoints checkpoints;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "vision_audit_it");
    }

    private final String district = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    private final String superintendent = TestTokens.token("sup-1", district, "superintendent");
    private final String auditor = TestTokens.token("aud-1", district, "auditor");
    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://localhost:" + port + "/api/vision");
    }

    private String createPlan() throws Exception {
        HttpResponse<String> created = api.post("/districts/" + district + "/plans", superintendent, """
                {"title":"Learner-centered 2030","startYear":2025,"endYear":2030,
                 "firstGoal":{"title":"Every learner on a personal pathway","conditions":["INSTRUCTION"]}}""");
        return body(created, 201).get("planId").asString();
    }

    @Test
    void anAuditorVerifiesTheChainCleanAfterAPlanIsCreated() throws Exception {
        createPlan();
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        JsonNode report = body(api.post("/audit/verify", auditor, null), 200);
        assertThat(report.get("clean").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("eventsChecked").asLong()).isEqualTo(events).isGreaterThanOrEqualTo(2);
        assertThat(report.get("firstBreak").isNull()).isTrue();
        assertThat(report.has("elapsedMillis")).isTrue();
        assertThat(report.has("eventsPerSecond")).isTrue();
    }

    @Test
    void verifyingNeedsTheAuditorOrSuperintendentRoleInAnyDistrict() throws Exception {
        assertThat(api.post("/audit/verify", TestTokens.token("sup-9", "another-district", "superintendent"), null)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> educator = api.post("/audit/verify", TestTokens.token("edu-1", district, "educator"), null);
        assertThat(educator.statusCode()).isEqualTo(403);
        assertThat(educator.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.post("/audit/verify", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void checkpointsArePublicAsJsonAndCsv() throws Exception {
        createPlan();
        checkpoints.take();
        var head = jdbc.queryForMap("select chain_seq, encode(hash, 'hex') as hash from event_chain_head");

        JsonNode list = body(api.get("/public/audit/checkpoints", null), 200);
        assertThat(list.isArray()).isTrue();
        assertThat(list.get(0).get("chainSeq").asLong()).isEqualTo(((Number) head.get("chain_seq")).longValue());
        assertThat(list.get(0).get("hash").asString()).isEqualTo(head.get("hash")).hasSize(64);
        assertThat(list.get(0).get("takenAt").asString()).endsWith("Z");

        HttpResponse<String> csv = api.get("/public/audit/checkpoints.csv", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"vision-service-event-chain-checkpoints.csv\"");
        assertThat(csv.body()).startsWith("chain_seq,hash,taken_at\r\n" + head.get("chain_seq") + "," + head.get("hash") + ",");
    }

    @Test
    void aTamperedEventIsReportedWhereItIs() throws Exception {
        String planId = createPlan();
        String aggregate = district + "/plan/" + planId;
        var event = jdbc.queryForMap("select e.global_index, e.event_identifier, e.payload, c.chain_seq "
                + "from domain_event_entry e join event_chain c on c.global_index = e.global_index "
                + "where e.aggregate_identifier = ? and e.sequence_number = 0", aggregate);
        byte[] original = (byte[]) event.get("payload");
        jdbc.update("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'Learner-centered', 'Teacher-centered'), 'UTF8') where global_index = ?", event.get("global_index"));
        try {
            JsonNode report = body(api.post("/audit/verify", auditor, null), 200);
            assertThat(report.get("clean").asBoolean()).isFalse();
            JsonNode firstBreak = report.get("firstBreak");
            assertThat(firstBreak.get("reason").asString()).isEqualTo("HASH_MISMATCH");
            assertThat(firstBreak.get("chainSeq").asLong()).isEqualTo(((Number) event.get("chain_seq")).longValue());
            assertThat(firstBreak.get("eventIdentifier").asString()).isEqualTo(event.get("event_identifier"));
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original,
                    event.get("global_index"));
        }
        assertThat(body(api.post("/audit/verify", auditor, null), 200).get("clean").asBoolean()).isTrue();
    }
}
