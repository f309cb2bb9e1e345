package org.districtops.pd.web;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.districtops.pd.credentials.ObSchemas;
import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.FakeVisionGoals;
import org.districtops.testsupport.TestStores;
import org.districtops.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.districtops.testsupport.ApiClient.JSON;
import static org.districtops.testsupport.ApiClient.assertProblem;
import static org.districtops.testsupport.ApiClient.body;

/**
 * The PD flow through HTTP: catalog, awards (single, bulk, application), a pathway awarded automatically,
 * credentials that validate against the official OB 3.0 schema, and verification of valid, tampered, revoked
 * and expired credentials. vision-service is stood in for by a loopback server serving its v1 goal list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dop.pd.alignment-recheck-interval=500ms")
class PdLifecycleIT {

    private static final FakeVisionGoals vision = FakeVisionGoals.serving(
            "[{\"goalId\":\"g-1\",\"planId\":\"p\",\"title\":\"Goal\",\"conditions\":[\"PROFESSIONAL_DEVELOPMENT\"]}]");

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "pd_lifecycle_it");
        registry.add("dop.vision.uri", () -> vision.uri());
        registry.add("dop.pd.public-base-url", () -> "https://dop.example.org/api/pd");
    }

    @AfterAll
    static void stopVision() {
        vision.stop();
    }

    @BeforeEach
    void visionAvailable() {
        vision.available(true);
        circuitBreakers.circuitBreaker("vision").reset();
    }

    private final String district = "pd-" + UUID.randomUUID().toString().substring(0, 8);
    private final String staff = TestTokens.token("pdstaff", district, "pd-staff");


    static final String SVG = Base64.getEncoder().encodeToString(
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>".getBytes(StandardCharsets.UTF_8));

    static String badge(String name, Integer validityDays, boolean evidenceRequired, String requiredJson) {
        return """
                {"name":"%s","description":"About %s","criteria":"Complete the %s course",
                 "image":{"contentType":"image/svg+xml","data":"%s"},"competencies":["learner agency"],
                 "goalIds":["g-1"],"pdHours":6,"validityDays":%s,"evidenceRequired":%s,"requiredBadgeIds":%s}"""
                .formatted(name, name, name, SVG, validityDays, evidenceRequired, requiredJson);
    }

    private String defineBadge(String json) throws Exception {
        return body(api().post("/districts/" + district + "/badges", staff, json), 201).get("badgeId").asString();
    }

    private String educator(String given, String family) throws Exception {
        String id = body(api().post("/districts/" + district + "/educators", staff, """
                {"givenName":"%s","familyName":"%s","email":"%s@example.org","schoolIds":["school-1"]}"""
                .formatted(given, family, given.toLowerCase())), 201).get("educatorId").asString();
        api().await("/districts/" + district + "/educators/" + id, staff, e -> e.get("educatorId") != null);
        return id;
    }

    private JsonNode verify(String credentialJson) throws Exception {
        return body(api().post("/public/verify", null, "{\"credential\":" + credentialJson + "}"), 200);
    }

    @Test
    void catalogAwardsPathwaysAndCredentials() throws Exception {
        ApiClient api = api();
        String ana = educator("Ana", "Lopez");
        String ben = educator("Ben", "Okafor");

        String pl101 = defineBadge(badge("PL 101", 365, false, "[]"));
        String coaching = defineBadge(badge("Coaching", null, true, "[]"));
        api.await("/public/districts/" + district + "/badges/" + coaching, null, b -> true);
        String pathway = defineBadge(badge("PL leader", null, false, "[\"" + pl101 + "\",\"" + coaching + "\"]"));
        api.await("/public/districts/" + district + "/badges", null, b -> b.size() == 3);
        // the catalog is on the public audit feed; educators' registrations are not (restricted)
        JsonNode audit = api.await("/public/districts/" + district + "/audit/entries", null,
                // the page's entries and its total are two queries: wait until both show all three
                page -> page.get("total").asInt() == 3 && page.get("entries").size() == 3);
        assertThat(audit.get("entries").findValuesAsString("eventType")).containsOnly("BadgeDefined");
        assertThat(audit.toString()).contains("PL leader").doesNotContain("Lopez", "Okafor", "actorId");

        // revision: version 2; awards name the version they were made under
        assertThat(body(api.send("PUT", "/districts/" + district + "/badges/" + pl101, staff, null,
                badge("PL 101 (2026)", 365, false, "[]")), 200).get("version").asInt()).isEqualTo(2);
        api.await("/public/districts/" + district + "/badges/" + pl101, null, b -> b.get("currentVersion").asInt() == 2);

        String anaPl101 = body(api.post("/districts/" + district + "/badges/" + pl101 + "/awards", staff,
                "{\"educatorId\":\"" + ana + "\"}"), 201).get("awardId").asString();
        assertThat(api.post("/districts/" + district + "/badges/" + pl101 + "/awards", staff,
                "{\"educatorId\":\"" + ana + "\"}").statusCode()).isEqualTo(409);
        assertProblem(api.post("/districts/" + district + "/badges/" + coaching + "/awards", staff,
                "{\"educatorId\":\"" + ana + "\"}"), 400, "evidence");
        body(api.post("/districts/" + district + "/badges/" + coaching + "/awards", staff,
                "{\"educatorId\":\"" + ana + "\",\"evidence\":{\"url\":\"https://example.org/coaching-log\"}}"), 201);

        // holding both required badges awards the pathway badge automatically
        JsonNode anaAwards = api.await("/districts/" + district + "/awards?educatorId=" + ana, staff,
                a -> a.findValuesAsString("badgeId").contains(pathway));
        assertThat(anaAwards.findValuesAsString("route")).contains("PATHWAY");

        // the credential validates against the official schema and verifies
        JsonNode issued = body(api.get("/districts/" + district + "/awards/" + anaPl101 + "/credential",
                TestTokens.educatorToken(ana, district)), 200);
        assertThat(ObSchemas.errors(ObSchemas.CREDENTIAL, issued.get("credential"))).isEmpty();
        assertThat(issued.get("credential").get("credentialSubject").get("achievement").get("id").asString())
                .endsWith("/badges/" + pl101 + "/versions/2");
        String jwt = issued.get("jwt").asString();
        long started = System.nanoTime();
        JsonNode valid = verify(JSON.writeValueAsString(jwt));
        long verifyMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(valid.get("valid").asBoolean()).as(valid.toString()).isTrue();
        System.out.println("MEASURED verification latency (first call, HTTP round trip): " + verifyMillis + " ms");
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            verify(JSON.writeValueAsString(jwt));
        }
        System.out.println("MEASURED verification latency (mean of 20): " + (System.nanoTime() - t0) / 20_000_000.0 + " ms");

        // baked badge: the SVG carries the VC-JWT and verifies as such
        HttpResponse<byte[]> baked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + port + "/api/pd/districts/" + district + "/awards/" + anaPl101 + "/baked"))
                .header("Authorization", "Bearer " + staff).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(baked.statusCode()).isEqualTo(200);
        assertThat(new String(baked.body(), StandardCharsets.UTF_8)).contains("<openbadges:credential><![CDATA[ey");
        HttpResponse<String> bakedCheck = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + port + "/api/pd/public/verify/baked")).header("Content-Type", "image/svg+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(baked.body())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(body(bakedCheck, 200).get("valid").asBoolean()).isTrue();

        // tampered: one claim changed, signature kept
        String[] parts = jwt.split("\\.");
        ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        payload.put("name", "Superintendent of everything");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsBytes(payload)) + "." + parts[2];
        JsonNode bad = verify(JSON.writeValueAsString(tampered));
        assertThat(bad.get("valid").asBoolean()).isFalse();
        assertThat(bad.get("signatureValid").asBoolean()).isFalse();

        // revoked: listed in the status list, verification says so, the credential keeps a valid shape
        assertThat(api.post("/districts/" + district + "/awards/" + anaPl101 + "/revocation",
                TestTokens.educatorToken(ana, district), "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertProblem(api.post("/districts/" + district + "/awards/" + anaPl101 + "/revocation", staff, "{}"), 400, "reason");
        body(api.post("/districts/" + district + "/awards/" + anaPl101 + "/revocation", staff,
                "{\"reason\":\"Course not completed\"}"), 200);
        api.await("/public/districts/" + district + "/status-list", null,
                l -> l.get("revokedCredentials").findValuesAsString("id").contains("urn:uuid:" + anaPl101));
        JsonNode revoked = verify(JSON.writeValueAsString(jwt));
        assertThat(revoked.get("revoked").asBoolean()).isTrue();
        assertThat(revoked.get("valid").asBoolean()).isFalse();
        JsonNode revokedCredential = body(api.get("/districts/" + district + "/awards/" + anaPl101 + "/credential", staff), 200);
        assertThat(ObSchemas.errors(ObSchemas.CREDENTIAL, revokedCredential.get("credential"))).isEmpty();

        // expired: back-dated beyond its validity; renewal issues a credential valid again
        String benPl101 = body(api.post("/districts/" + district + "/badges/" + pl101 + "/awards", staff,
                "{\"educatorId\":\"" + ben + "\",\"awardedOn\":\"" + LocalDate.now().minusDays(400) + "\"}"), 201)
                .get("awardId").asString();
        JsonNode expiredAward = api.await("/districts/" + district + "/awards/" + benPl101, staff, a -> a.has("expired"));
        assertThat(expiredAward.get("expired").asBoolean()).isTrue();
        String expiredJwt = body(api.get("/districts/" + district + "/awards/" + benPl101 + "/credential", staff), 200)
                .get("jwt").asString();
        JsonNode expired = verify(JSON.writeValueAsString(expiredJwt));
        assertThat(expired.get("expired").asBoolean()).isTrue();
        assertThat(expired.get("signatureValid").asBoolean()).isTrue();
        assertThat(expired.get("valid").asBoolean()).isFalse();
        body(api.post("/districts/" + district + "/awards/" + benPl101 + "/renewal", staff, "{}"), 200);
        api.await("/districts/" + district + "/awards/" + benPl101, staff, a -> !a.get("expired").asBoolean());
        JsonNode renewed = body(api.get("/districts/" + district + "/awards/" + benPl101 + "/credential", staff), 200);
        assertThat(ObSchemas.errors(ObSchemas.CREDENTIAL, renewed.get("credential"))).isEmpty();
        assertThat(verify(JSON.writeValueAsString(renewed.get("jwt").asString())).get("valid").asBoolean()).isTrue();

        // the credential JSON alone cannot prove itself
        JsonNode unsigned = verify(JSON.writeValueAsString(renewed.get("credential")));
        assertThat(unsigned.get("signatureValid").asBoolean()).isFalse();
        assertThat(unsigned.get("issuerKnown").asBoolean()).isTrue();

        // public figures: PD per condition for scale (from the goals the badges align to), small cells hidden
        JsonNode figures = api.await("/public/districts/" + district + "/pd-figures", null,
                f -> f.get("byCondition").isArray() && f.get("byCondition").size() == 1);
        assertThat(figures.get("byCondition").get(0).get("condition").asString()).isEqualTo("PROFESSIONAL_DEVELOPMENT");
        assertThat(figures.get("byCondition").get(0).get("educators").asString()).isEqualTo("<10");
        assertThat(figures.get("byCondition").get(0).get("pdHours").asString()).isEqualTo("suppressed");

        // issuer profile (official schema) and its keys are public
        assertThat(ObSchemas.errors(ObSchemas.PROFILE, body(api.get("/public/districts/" + district + "/issuer", null), 200))).isEmpty();
        assertThat(body(api.get("/public/districts/" + district + "/issuer/jwks", null), 200).get("keys").get(0)
                .get("kty").asString()).isEqualTo("RSA");
    }

    @Test
    void anEducatorAppliesAndStaffReturnThenApprove() throws Exception {
        ApiClient api = api();
        String cara = educator("Cara", "Nguyen");
        String coaching = defineBadge(badge("Coaching", 730, true, "[]"));
        api.await("/public/districts/" + district + "/badges/" + coaching, null, b -> true);
        String token = TestTokens.educatorToken(cara, district);
        assertProblem(api.post("/districts/" + district + "/badges/" + coaching + "/applications", token, "{}"), 400, "evidence");
        String award = body(api.post("/districts/" + district + "/badges/" + coaching + "/applications", token,
                "{\"evidence\":{\"text\":\"Coached two colleagues for a semester\"}}"), 201).get("awardId").asString();
        assertProblem(api.post("/districts/" + district + "/awards/" + award + "/return", staff, "{\"comment\":\"\"}"), 400, "comment");
        body(api.post("/districts/" + district + "/awards/" + award + "/return", staff,
                "{\"comment\":\"Please add your coaching log\"}"), 200);
        JsonNode returned = api.await("/districts/" + district + "/awards/" + award, token,
                a -> "RETURNED".equals(a.get("status").asString()));
        assertThat(returned.get("returnComment").asString()).isEqualTo("Please add your coaching log");
        body(api.post("/districts/" + district + "/badges/" + coaching + "/applications", token,
                "{\"evidence\":{\"url\":\"https://example.org/log\"}}"), 201);
        api.await("/districts/" + district + "/awards/" + award, token, a -> "APPLIED".equals(a.get("status").asString()));
        body(api.post("/districts/" + district + "/awards/" + award + "/approval", staff, null), 200);
        JsonNode approved = api.await("/districts/" + district + "/awards/" + award, token,
                a -> "AWARDED".equals(a.get("status").asString()));
        assertThat(approved.get("route").asString()).isEqualTo("APPLICATION");
        assertThat(approved.get("validUntil").isNull()).isFalse();
        // another educator cannot see it
        assertThat(api.get("/districts/" + district + "/awards/" + award,
                TestTokens.educatorToken("someone-else", district)).statusCode()).isEqualTo(403);
    }

    @Test
    void bulkAwardsReportEveryRow() throws Exception {
        String badge = defineBadge(badge("Bulk PD day", null, false, "[]"));
        api().await("/public/districts/" + district + "/badges/" + badge, null, b -> true);
        StringBuilder csv = new StringBuilder("educatorId,evidenceText\n");
        for (int i = 0; i < 20; i++) {
            csv.append(educatorQuick(i)).append(",Attended\n");
        }
        csv.append("not-registered,Attended\n").append("bad id!,x\n").append(educatorQuick(3)).append(",Twice\n");
        // the projection must know every educator before awarding them
        api().await("/districts/" + district + "/educators/" + educatorQuick(19), staff, e -> true);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/pd/districts/" + district + "/badges/" + badge + "/awards/bulk"))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode report = body(response, 200);
        assertThat(report.get("awarded").asInt()).isEqualTo(20);
        assertThat(report.get("rejected").size()).isEqualTo(3);
        assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(22);
        assertThat(report.get("rejected").get(0).get("field").asString()).isEqualTo("educatorId");
        assertThat(report.get("rejected").get(2).get("line").asInt()).isEqualTo(24);
        assertThat(report.get("rejected").get(2).get("reason").asString()).contains("listed twice");
        // every award of the file is there, once
        JsonNode awards = api().await("/districts/" + district + "/awards", staff,
                a -> a.findValuesAsString("badgeId").stream().filter(badge::equals).count() == 20);
        assertThat(awards.findValuesAsString("educatorId")).contains(educatorQuick(0), educatorQuick(19));
        System.out.println("MEASURED bulk awards/s (20 awards, one caller): " + report.get("awardsPerSecond"));
    }

    private final java.util.Map<Integer, String> quick = new java.util.HashMap<>();

    private String educatorQuick(int i) throws Exception {
        if (!quick.containsKey(i)) {
            quick.put(i, body(api().post("/districts/" + district + "/educators", staff,
                    "{\"givenName\":\"T" + i + "\",\"familyName\":\"Teacher\",\"email\":\"t" + i + "@example.org\"}"), 201)
                    .get("educatorId").asString());
        }
        return quick.get(i);
    }

    @Test
    void badInputNamesTheFieldAndRolesAreChecked() throws Exception {
        ApiClient api = api();
        assertProblem(api.post("/districts/" + district + "/badges", staff,
                badge("X", 10, false, "[]").replace("\"pdHours\":6,", "")), 400, "pdHours");
        assertProblem(api.post("/districts/" + district + "/badges", staff,
                badge("X", 10, false, "[]").replace("image/svg+xml", "image/gif")), 400, "image.contentType");
        assertProblem(api.post("/districts/" + district + "/badges", staff,
                badge("X", 10, false, "[]").replace("g-1", "nope")), 400, "goalIds");
        assertProblem(api.post("/districts/" + district + "/badges", staff,
                badge("X", 10, false, "[\"no-such-badge\"]")), 400, "requiredBadgeIds");
        assertProblem(api.post("/districts/" + district + "/badges/x/awards", staff, "{\"educatorId\":\"\"}"), 400, "educatorId");
        assertProblem(api.post("/public/verify", null, "{\"credential\":42}"), 400, "credential");
        assertThat(api.post("/districts/" + district + "/badges", TestTokens.educatorToken("edu", district),
                badge("X", 10, false, "[]")).statusCode()).isEqualTo(403);
        assertThat(api.post("/districts/" + district + "/badges", null, badge("X", 10, false, "[]")).statusCode()).isEqualTo(401);
        JsonNode junk = verify("\"not-a-jwt\"");
        assertThat(junk.get("valid").asBoolean()).isFalse();
    }

    @Test
    void aBadgeDefinedWhileVisionIsDownIsUnverifiedThenCheckedOnceItIsBack() throws Exception {
        vision.available(false);
        String badge;
        try {
            JsonNode defined = body(api().post("/districts/" + district + "/badges", staff, badge("Offline", null, false, "[]")), 201);
            assertThat(defined.get("alignment").asString()).isEqualTo("UNVERIFIED");
            badge = defined.get("badgeId").asString();
        } finally {
            vision.available(true);
        }
        api().await("/public/districts/" + district + "/badges/" + badge, null,
                b -> "VERIFIED".equals(b.get("versions").get(0).get("alignment").asString()));
    }

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port + "/api/pd");
    }
}
