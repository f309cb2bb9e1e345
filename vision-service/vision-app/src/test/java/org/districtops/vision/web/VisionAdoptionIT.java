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

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The district vision's adoption through HTTP: draft, community comment, moderation, revision and the board
 * vote, then the public page. Real embedded PostgreSQL; MongoDB from Testcontainers or the in-process server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VisionAdoptionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String DRAFT = """
            {"statement":"Every learner ready for the future they choose",
             "outcomes":["Learners own their learning","Graduates ready for college and career"],
             "gaps":["Reading proficiency gap for English learners"],
             "rationale":"Personalized pathways let each learner progress at their own pace"}""";
    private static final String VOTE = """
            {"boardVote":{"date":"%s","votesFor":5,"votesAgainst":2,"abstentions":0,
                          "meetingReference":"Regular board meeting, item 7"}}""".formatted(TODAY.minusDays(1));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "vision_adoption_it");
    }

    private final String district = "district-" + UUID.randomUUID().toString().substring(0, 8);
    private final String superintendent = TestTokens.token("sup-1", district, "superintendent");
    private final String staff = TestTokens.token("staff-1", district, "district-staff");
    private final String vision = "/districts/" + district + "/vision";
    private final String publicVision = "/public/districts/" + district + "/vision";

    @Test
    void aDistrictDraftsHearsTheCommunityRevisesAndAdoptsItsVision() throws Exception {
        HttpResponse<String> drafted = send("POST", vision + "/drafts", superintendent, null, DRAFT);
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        assertThat(drafted.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(drafted.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/api/vision/districts/" + district + "/vision/draft"));
        assertThat(JSON.readTree(drafted.body()).get("draftNumber").asInt()).isEqualTo(1);
        assertThat(get(publicVision + "/draft", null).statusCode()).as("not public before the comment period")
                .isEqualTo(404);

        HttpResponse<String> opened = send("POST", vision + "/comment-period", superintendent, "\"0\"",
                "{\"closesOn\":\"" + TODAY.plusDays(30) + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(opened.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> publicComment = send("POST", publicVision + "/comments", null, null,
                "{\"text\":\"Please make room for the arts in every pathway\"}");
        assertThat(publicComment.statusCode()).as(publicComment.body()).isEqualTo(201);
        assertThat(JSON.readTree(publicComment.body()).get("authorKind").asString()).isEqualTo("PUBLIC");
        String approvedId = JSON.readTree(publicComment.body()).get("commentId").asString();
        HttpResponse<String> staffComment = send("POST", vision + "/comments", staff, null,
                "{\"text\":\"Rejected text: off-topic remarks\"}");
        assertThat(staffComment.statusCode()).as(staffComment.body()).isEqualTo(201);
        assertThat(JSON.readTree(staffComment.body()).get("authorKind").asString()).isEqualTo("STAFF");
        String rejectedId = JSON.readTree(staffComment.body()).get("commentId").asString();

        JsonNode pending = awaitJson(vision + "/draft", staff, d -> d.get("comments").size() == 2);
        assertThat(pending.get("comments").findValuesAsString("moderation")).containsOnly("PENDING");

        assertThat(send("POST", vision + "/comments/" + approvedId + "/moderation", staff, null,
                "{\"decision\":\"APPROVED\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", vision + "/comments/" + rejectedId + "/moderation", superintendent, null,
                "{\"decision\":\"REJECTED\",\"reason\":\"Off-topic\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", vision + "/comment-period/close", superintendent, null, "").statusCode())
                .isEqualTo(200);

        JsonNode moderated = awaitJson(vision + "/draft", superintendent,
                d -> !d.get("commentPeriod").get("open").asBoolean());
        assertThat(moderated.get("comments").findValuesAsString("moderation")).containsExactly("APPROVED", "REJECTED");
        assertThat(moderated.get("comments").get(1).get("moderationReason").asString()).isEqualTo("Off-topic");
        JsonNode publicDraft = JSON.readTree(get(publicVision + "/draft", null).body());
        assertThat(publicDraft.get("approvedComments").size()).isEqualTo(1);
        assertThat(publicDraft.toString()).doesNotContain("Rejected text");

        HttpResponse<String> revised = send("PUT", vision + "/draft", superintendent, "\"6\"", """
                {"statement":"Every learner ready for the future they choose",
                 "outcomes":["Learners own their learning","Graduates ready for college and career",
                             "Every learner creates and performs in the arts"],
                 "gaps":["Reading proficiency gap for English learners"],
                 "rationale":"Personalized pathways let each learner progress at their own pace",
                 "summary":"Added the arts as an outcome after community comments"}""");
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(revised.headers().firstValue("ETag")).hasValue("\"7\"");

        HttpResponse<String> adopted = send("POST", vision + "/adoption", superintendent, "\"7\"", VOTE);
        assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(201);
        assertThat(adopted.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/api/vision/public/districts/" + district + "/vision"));

        JsonNode view = awaitJson(publicVision, null, v -> true);
        assertThat(view.get("statement").asString()).isEqualTo("Every learner ready for the future they choose");
        assertThat(view.get("outcomes").size()).isEqualTo(3);
        assertThat(view.get("adoptedOn").asString()).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(view.get("boardVote").get("votesFor").asInt()).isEqualTo(5);
        assertThat(view.get("boardVote").get("votesAgainst").asInt()).isEqualTo(2);
        assertThat(view.get("boardVote").get("meetingReference").asString()).isEqualTo("Regular board meeting, item 7");
        assertThat(view.get("history").size()).isEqualTo(1);
        assertThat(view.get("history").get(0).get("draftNumber").asInt()).isEqualTo(1);
        assertThat(view.get("history").get(0).get("revisions").get(0).get("summary").asString())
                .isEqualTo("Added the arts as an outcome after community comments");
        assertThat(view.get("approvedComments").size()).isEqualTo(1);
        assertThat(view.get("approvedComments").get(0).get("text").asString())
                .isEqualTo("Please make room for the arts in every pathway");
        assertThat(view.get("approvedComments").get(0).get("authorKind").asString()).isEqualTo("PUBLIC");
        assertThat(view.get("approvedComments").get(0).get("submittedAt").asString()).isNotBlank();
        assertThat(view.toString()).doesNotContain("Rejected text", "Off-topic", "staff-1", "commentId");
        assertThat(get(vision + "/draft", superintendent).statusCode()).as("no draft in progress after adoption")
                .isEqualTo(404);
    }

    @Test
    void commentEventsCarryNoPersonalData() throws Exception {
        draftAndOpen();
        assertThat(send("POST", vision + "/comments", TestTokens.token("partner-7", district, "partner"), null,
                "{\"text\":\"We can host internships\"}").statusCode()).isEqualTo(201);
        assertThat(send("POST", publicVision + "/comments", null, null, "{\"text\":\"Thanks\"}").statusCode())
                .isEqualTo(201);

        List<String> payloads = jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%VisionCommentSubmitted' "
                + "order by sequence_number", String.class, district + "/vision");
        assertThat(payloads).hasSize(2);
        List<String> kinds = new ArrayList<>();
        for (String payload : payloads) {
            JsonNode event = JSON.readTree(payload);
            assertThat(event.propertyNames()).containsExactlyInAnyOrder("districtId", "draftNumber", "periodNumber",
                    "commentId", "authorKind", "text");
            assertThat(payload).doesNotContain("partner-7");
            kinds.add(event.get("authorKind").asString());
        }
        assertThat(kinds).containsExactly("PARTNER", "PUBLIC");
    }

    @Test
    void adoptingWithoutAClosedCommentPeriodIsA409Problem() throws Exception {
        assertThat(send("POST", vision + "/drafts", superintendent, null, DRAFT).statusCode()).isEqualTo(201);
        HttpResponse<String> response = send("POST", vision + "/adoption", superintendent, null, VOTE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("no closed comment period");
    }

    @Test
    void aWaiverReasonAdoptsWithoutACommentPeriodAndShowsOnThePublicPage() throws Exception {
        assertThat(send("POST", vision + "/drafts", superintendent, null, DRAFT).statusCode()).isEqualTo(201);
        String waived = VOTE.replace("}}", "},\"waiverReason\":\"Re-adopting the 2019 vision unchanged\"}");
        assertThat(send("POST", vision + "/adoption", superintendent, null, waived).statusCode()).isEqualTo(201);
        JsonNode view = awaitJson(publicVision, null, v -> true);
        assertThat(view.get("waiverReason").asString()).isEqualTo("Re-adopting the 2019 vision unchanged");
        assertThat(view.get("approvedComments").size()).isZero();
    }

    @Test
    void aFailedVoteIsA400ProblemNamingVotesFor() throws Exception {
        draftAndOpen();
        send("POST", vision + "/comment-period/close", superintendent, null, "");
        ApiClient.assertProblem(send("POST", vision + "/adoption", superintendent, null, """
                {"boardVote":{"date":"%s","votesFor":2,"votesAgainst":3,"abstentions":2,
                              "meetingReference":"Special meeting"}}""".formatted(TODAY)), 400, "boardVote.votesFor");
    }

    @Test
    void anAmendmentKeepsTheAdoptedVisionAndItsHistory() throws Exception {
        String waived = VOTE.replace("}}", "},\"waiverReason\":\"Board retreat consensus\"}");
        send("POST", vision + "/drafts", superintendent, null, DRAFT);
        assertThat(send("POST", vision + "/adoption", superintendent, null, waived).statusCode()).isEqualTo(201);
        HttpResponse<String> amendment = send("POST", vision + "/drafts", superintendent, "\"1\"",
                DRAFT.replace("Every learner ready", "Every learner thriving and ready"));
        assertThat(amendment.statusCode()).as(amendment.body()).isEqualTo(201);
        assertThat(JSON.readTree(amendment.body()).get("draftNumber").asInt()).isEqualTo(2);
        assertThat(send("POST", vision + "/adoption", superintendent, null, waived).statusCode()).isEqualTo(201);

        JsonNode view = awaitJson(publicVision, null, v -> v.get("history").size() == 2);
        assertThat(view.get("draftNumber").asInt()).isEqualTo(2);
        assertThat(view.get("statement").asString()).startsWith("Every learner thriving");
        assertThat(view.get("history").findValuesAsString("statement"))
                .containsExactly("Every learner ready for the future they choose",
                        "Every learner thriving and ready for the future they choose");
    }

    @Test
    void thePublicVisionIsA404ProblemBeforeTheFirstAdoption() throws Exception {
        HttpResponse<String> response = get(publicVision, null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anEducatorMayNotDraftTheVision() throws Exception {
        HttpResponse<String> response = send("POST", vision + "/drafts",
                TestTokens.token("edu-1", district, "educator"), null, DRAFT);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aSuperintendentMayNotDraftForAnotherDistrict() throws Exception {
        assertThat(send("POST", "/districts/other-district/vision/drafts", superintendent, null, DRAFT).statusCode())
                .isEqualTo(403);
    }

    @Test
    void signedInCommentsNeedAToken() throws Exception {
        draftAndOpen();
        assertThat(send("POST", vision + "/comments", null, null, "{\"text\":\"Hi\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void malformedJsonIsA400ProblemNamingTheBody() throws Exception {
        ApiClient.assertProblem(send("POST", vision + "/drafts", superintendent, null, "{\"statement\": "), 400, "body");
    }

    @Test
    void aCommentOver4000CharactersIsA400ProblemNamingTheText() throws Exception {
        draftAndOpen();
        String tooLong = "{\"text\":\"" + "x".repeat(4001) + "\"}";
        ApiClient.assertProblem(send("POST", publicVision + "/comments", null, null, tooLong), 400, "text");
        ApiClient.assertProblem(send("POST", vision + "/comments", staff, null, tooLong), 400, "text");
    }

    @Test
    void aCommentWithoutAnOpenCommentPeriodIsA409Problem() throws Exception {
        send("POST", vision + "/drafts", superintendent, null, DRAFT);
        HttpResponse<String> response = send("POST", publicVision + "/comments", null, null, "{\"text\":\"Hi\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aChangeBasedOnAnOlderVersionIsA409() throws Exception {
        draftAndOpen();
        HttpResponse<String> stale = send("POST", vision + "/comment-period/close", superintendent, "\"0\"", "");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(send("POST", vision + "/comment-period/close", superintendent, "\"1\"", "").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRevisionWithoutASummaryIsA400ProblemNamingIt() throws Exception {
        send("POST", vision + "/drafts", superintendent, null, DRAFT);
        ApiClient.assertProblem(send("PUT", vision + "/draft", superintendent, null, DRAFT), 400, "summary");
    }

    @Test
    void theOpenApiDocumentListsTheVisionEndpoints() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/districts/{districtId}/vision/drafts",
                "/districts/{districtId}/vision/draft", "/districts/{districtId}/vision/comment-period",
                "/districts/{districtId}/vision/comment-period/close", "/districts/{districtId}/vision/comments",
                "/districts/{districtId}/vision/comments/{commentId}/moderation",
                "/districts/{districtId}/vision/adoption", "/public/districts/{districtId}/vision",
                "/public/districts/{districtId}/vision/comments", "/public/districts/{districtId}/vision/draft");
    }

    private void draftAndOpen() throws Exception {
        assertThat(send("POST", vision + "/drafts", superintendent, null, DRAFT).statusCode()).isEqualTo(201);
        assertThat(send("POST", vision + "/comment-period", superintendent, null,
                "{\"closesOn\":\"" + TODAY.plusDays(14) + "\"}").statusCode()).isEqualTo(201);
    }

    private JsonNode awaitJson(String path, String token, Predicate<JsonNode> done) throws Exception {
        return api().await(path, token, done);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return api().get(path, token);
    }

    private HttpResponse<String> send(String method, String path, String token, String ifMatch, String body)
            throws Exception {
        return api().send(method, path, token, ifMatch, body);
    }

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port + "/api/vision");
    }
}
