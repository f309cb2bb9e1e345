package org.districtops.partnership.web;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.districtops.partnership.api.PartnerRef;
import org.districtops.partnership.demo.DemoPartner;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.districtops.testsupport.ApiClient.assertProblem;
import static org.districtops.testsupport.ApiClient.body;

/**
 * Partnerships through the API: two partners onboarded, listings submitted, approved and declined, the public
 * board with its filters, JSON-LD and Atom feed, an attestation expiring a few seconds ahead (its partner's
 * listings leave the board, and return on renewal), a placement with confirmed hours, and partner isolation on
 * every partner-facing endpoint. vision-service is stood in for by a loopback server serving its v1 goal list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dop.partnership.alignment-recheck-interval=500ms")
class PartnershipLifecycleIT {

    private static final FakeVisionGoals vision = FakeVisionGoals.serving(
            "[{\"goalId\":\"g-1\",\"planId\":\"p\",\"planTitle\":\"Plan\",\"title\":\"Goal\",\"conditions\":[]}]");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;
    @Autowired
    DemoPartner demoPartner;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void visionAvailable() {
        vision.available(true);
        circuitBreakers.circuitBreaker("vision").reset();
    }

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "partnership_lifecycle_it");
        registry.add("dop.vision.uri", () -> vision.uri());
    }

    @AfterAll
    static void stopVision() {
        vision.stop();
    }

    private final String district = "partners-" + UUID.randomUUID().toString().substring(0, 8);
    private final String staff = TestTokens.token("pstaff", district, "district-staff");


    @Test
    void listingsAreReviewedPublishedAndFollowTheirPartnersStanding() throws Exception {
        ApiClient api = api();
        String acme = onboard("Acme Tools", "BUSINESS");
        String clinic = onboard("Valley Clinic", "COMMUNITY_ORGANISATION");
        inGoodStanding(acme);
        inGoodStanding(clinic);
        String acmeToken = partnerToken(acme);
        String clinicToken = partnerToken(clinic);

        String lathe = draft(acmeToken, acme, "INTERNSHIP", "Machinist intern <CNC> & lathe", "Manufacturing", true,
                false, 10, 12, TODAY);
        String mentor = draft(acmeToken, acme, "MENTORSHIP", "Engineering mentor", "Manufacturing", false, true, 9, 12,
                TODAY);
        String shadow = draft(clinicToken, clinic, "JOB_SHADOW", "Shadow a nurse", "Health", false, false, 11, 12,
                TODAY.plusDays(10));
        String odd = draft(clinicToken, clinic, "GUEST_SPEAKER", "Night shift talk", "Health", false, false, 11, 12, TODAY);
        for (String[] l : new String[][]{{lathe, acmeToken}, {mentor, acmeToken}, {shadow, clinicToken}, {odd, clinicToken}}) {
            body(api.post(path("/listings/" + l[0] + "/submission"), l[1], null), 200);
        }

        // a partner cannot publish alone; the district approves, declines with a reason
        assertThat(api.post(path("/listings/" + lathe + "/approval"), acmeToken, null).statusCode()).isEqualTo(403);
        JsonNode queue = api.await(path("/review-queue"), staff, q -> q.get("submitted").size() == 4);
        assertThat(queue.get("submitted").findValuesAsString("partnerName")).contains("Acme Tools", "Valley Clinic");
        for (String l : new String[]{lathe, mentor, shadow}) {
            body(api.post(path("/listings/" + l + "/approval"), staff, null), 200);
        }
        assertProblem(api.post(path("/listings/" + odd + "/decline"), staff, "{\"reason\":\" \"}"), 400, "reason");
        body(api.post(path("/listings/" + odd + "/decline"), staff, "{\"reason\":\"Night shifts are not for students\"}"), 200);
        assertThat(api.post(path("/listings/" + odd + "/approval"), staff, null).statusCode()).isEqualTo(409);

        // the public audit feed lists the approvals (allow-listed) but not the decline
        JsonNode audit = api.await("/public/districts/" + district + "/audit/entries?size=100", null,
                page -> page.get("entries").findValuesAsString("eventType").stream()
                        .filter("ListingApproved"::equals).count() == 3);
        assertThat(audit.get("entries").findValuesAsString("eventType")).doesNotContain("ListingDeclined")
                .contains("PartnerOnboarded");
        assertThat(audit.toString()).doesNotContain("actorId", "Night shifts");

        // the partner portal shows the status and the reason
        JsonNode portal = api.await(path("/partners/" + clinic + "/listings"), clinicToken,
                p -> p.findValuesAsString("status").contains("DECLINED"));
        JsonNode declined = find(portal, odd);
        assertThat(declined.get("reviewNotes").get(0).get("reason").asString()).isEqualTo("Night shifts are not for students");

        // the public board and its filters
        String board = "/public/districts/" + district + "/opportunities";
        api.await(board, null, b -> b.size() == 3);
        assertThat(ids(board + "?type=INTERNSHIP")).containsExactly(lathe);
        assertThat(ids(board + "?pathway=health")).containsExactly(shadow);
        assertThat(ids(board + "?paid=true")).containsExactly(lathe);
        assertThat(ids(board + "?grade=9")).containsExactly(mentor);
        assertThat(ids(board + "?remote=true")).containsExactly(mentor);
        assertThat(ids(board + "?date=" + TODAY)).containsExactlyInAnyOrder(lathe, mentor);
        assertThat(ids(board + "?q=LATHE")).containsExactly(lathe);
        assertThat(ids(board + "?type=MENTORSHIP&remote=true&grade=10")).containsExactly(mentor);
        assertProblem(api.get(board + "?type=TELEPATHY", null), 400, "type");
        assertProblem(api.get(board + "?grade=3", null), 400, "grade");
        // text is matched literally, never as a pattern
        assertThat(ids(board + "?q=%3CCNC%3E")).containsExactly(lathe);
        assertThat(ids(board + "?q=.*")).isEmpty();

        // one page at a time, newest first, with the total and links to the neighbouring pages
        HttpResponse<String> first = api.get(board + "?size=2", null);
        assertThat(body(first, 200).size()).isEqualTo(2);
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("3");
        assertThat(first.headers().firstValue("Link").orElse("")).contains("page=2").contains("rel=\"next\"");
        HttpResponse<String> second = api.get(board + "?size=2&page=2", null);
        assertThat(body(second, 200).size()).isEqualTo(1);
        assertThat(second.headers().firstValue("Link").orElse("")).contains("page=1").contains("rel=\"prev\"")
                .doesNotContain("next");
        List<String> newestFirst = new ArrayList<>(ids(board + "?size=2"));
        newestFirst.addAll(ids(board + "?size=2&page=2"));
        assertThat(newestFirst).containsExactly(shadow, mentor, lathe);
        assertProblem(api.get(board + "?size=101", null), 400, "size");
        assertProblem(api.get(board + "?page=0", null), 400, "page");

        // each listing page carries schema.org JSON-LD
        JsonNode page = body(api.get(board + "/" + lathe, null), 200);
        assertThat(page.get("jsonLd").get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(page.get("jsonLd").get("@type").asString()).isEqualTo("JobPosting");
        assertThat(page.get("jsonLd").get("hiringOrganization").get("name").asString()).isEqualTo("Acme Tools");
        assertThat(body(api.get(board + "/" + mentor, null), 200).get("jsonLd").get("@type").asString())
                .isEqualTo("EducationalOccupationalProgram");
        assertThat(api.get(board + "/" + odd, null).statusCode()).isEqualTo(404);

        // the Atom feed is well-formed and escaped
        HttpResponse<String> atom = api.get(board + ".atom", null);
        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(atom.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        assertThat(atom.body()).contains("Machinist intern &lt;CNC&gt; &amp; lathe");
        Document feed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom.body().getBytes(StandardCharsets.UTF_8)));
        NodeList entries = feed.getElementsByTagName("entry");
        assertThat(entries.getLength()).isEqualTo(3);
        assertThat(atom.body()).contains("xmlns=\"http://www.w3.org/2005/Atom\"");

        // an attestation expiring a few seconds ahead: Acme leaves good standing and its listings leave the board
        body(api.post(path("/partners/" + acme + "/attestations"), acmeToken,
                "{\"type\":\"BACKGROUND_CHECKS\",\"expiresAt\":\"" + Instant.now().plusSeconds(5)
                        + "\",\"reference\":\"BG-2026-short\"}"), 201);
        api.await(path("/review-queue"), staff, q -> q.get("expiringWithin30Days").findValuesAsString("item")
                .contains("BACKGROUND_CHECKS"));
        assertThat(api.await(board, null, b -> b.size() == 1).get(0).get("listingId").asString()).isEqualTo(shadow);
        // the partners view is another projection: it may lag the board by a moment
        JsonNode lapsed = api.await(path("/partners/" + acme), acmeToken, p -> !p.get("goodStanding").asBoolean());
        assertThat(lapsed.get("goodStanding").asBoolean()).isFalse();
        assertThat(lapsed.get("standingReasons").get(0).asString()).isEqualTo("the BACKGROUND_CHECKS attestation expired");
        assertThat(api.get(board + "/" + lathe, null).statusCode()).isEqualTo(404);

        // renewed: back on the board
        body(api.post(path("/partners/" + acme + "/attestations"), acmeToken,
                "{\"type\":\"BACKGROUND_CHECKS\",\"expiresAt\":\"" + Instant.now().plusSeconds(365L * 86400)
                        + "\",\"reference\":\"BG-2027\"}"), 201);
        api.await(board, null, b -> b.size() == 3);

        // a placement: staff record it and log hours; the owning partner's supervisor confirms them
        assertProblem(api.post(path("/listings/" + lathe + "/placements"), staff,
                "{\"studentId\":\"Maria Garcia\",\"school\":\"Lindsay High\",\"startedOn\":\"" + TODAY + "\"}"), 400, "studentId");
        String placement = body(api.post(path("/listings/" + lathe + "/placements"), staff,
                "{\"studentId\":\"stu-20931\",\"school\":\"Lindsay High\",\"startedOn\":\"" + TODAY + "\"}"), 201)
                .get("placementId").asString();
        String entry = body(api.post(path("/listings/" + lathe + "/placements/" + placement + "/hours"), staff,
                "{\"workedOn\":\"" + TODAY + "\",\"hours\":3.5}"), 201).get("entryId").asString();
        String confirm = path("/listings/" + lathe + "/placements/" + placement + "/hours/" + entry + "/confirmation");
        assertThat(api.post(confirm, staff, null).statusCode()).isEqualTo(403);
        assertThat(api.post(confirm, clinicToken, null).statusCode()).isEqualTo(403);
        body(api.post(confirm, acmeToken, null), 200);
        assertThat(api.post(confirm, acmeToken, null).statusCode()).isEqualTo(409);
        assertProblem(api.post(path("/listings/" + lathe + "/placements/" + placement + "/completion"), acmeToken,
                "{\"rating\":4,\"comments\":\"Call her at kid@home.example\"}"), 400, "comments");
        body(api.post(path("/listings/" + lathe + "/placements/" + placement + "/completion"), acmeToken,
                "{\"rating\":4,\"comments\":\"Ran the lathe safely\"}"), 200);
        JsonNode placements = api.await(path("/listings/" + lathe + "/placements"), acmeToken,
                p -> p.size() == 1 && p.get(0).get("completed").asBoolean());
        assertThat(placements.get(0).get("hoursConfirmed").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(placements.get(0).get("studentId").asString()).isEqualTo("stu-20931");

        // public figures: fewer than 10 students at a school show as "<10" and its hours are withheld
        JsonNode figures = api.await("/public/districts/" + district + "/partnership-figures", null,
                f -> f.get("schools").size() == 1);
        assertThat(figures.get("schools").get(0).get("placements").asString()).isEqualTo("<10");
        assertThat(figures.get("schools").get(0).get("confirmedHours").asString()).startsWith("withheld");
        assertThat(figures.get("opportunitiesByType").get("INTERNSHIP").asInt()).isEqualTo(1);
        assertThat(figures.get("opportunitiesByPathway").get("Manufacturing").asInt()).isEqualTo(2);
        assertThat(figures.toString()).doesNotContain("stu-20931");
    }

    @Test
    void aPartnerNeverReadsOrChangesAnotherPartnersDraftsOrListings() throws Exception {
        ApiClient api = api();
        String acme = onboard("Acme Tools", "BUSINESS");
        String other = onboard("Other Co", "BUSINESS");
        inGoodStanding(acme);
        String acmeToken = partnerToken(acme);
        String intruder = partnerToken(other);
        String draft = draft(acmeToken, acme, "INTERNSHIP", "Draft intern", "Manufacturing", false, false, 10, 12, TODAY);
        String live = draft(acmeToken, acme, "INTERNSHIP", "Live intern", "Manufacturing", false, false, 10, 12, TODAY);
        body(api.post(path("/listings/" + live + "/submission"), acmeToken, null), 200);
        body(api.post(path("/listings/" + live + "/approval"), staff, null), 200);
        String placement = body(api.post(path("/listings/" + live + "/placements"), staff,
                "{\"studentId\":\"stu-77001\",\"school\":\"Lindsay High\",\"startedOn\":\"" + TODAY + "\"}"), 201)
                .get("placementId").asString();
        String entry = body(api.post(path("/listings/" + live + "/placements/" + placement + "/hours"), staff,
                "{\"workedOn\":\"" + TODAY + "\",\"hours\":2}"), 201).get("entryId").asString();
        api.await(path("/listings/" + live), acmeToken, l -> l.get("placements").asInt() == 1);
        api.await(path("/listings/" + draft), acmeToken, l -> "DRAFT".equals(l.get("status").asString()));

        String contact = "{\"name\":\"Eve\",\"role\":\"HR\",\"email\":\"eve@other.example\"}";
        String attestation = "{\"type\":\"LIABILITY_INSURANCE\",\"expiresAt\":\"" + Instant.now().plusSeconds(86400 * 90L)
                + "\",\"reference\":\"X\"}";
        String listing = listingJson("INTERNSHIP", "Hijacked", "Manufacturing", false, false, 10, 12, TODAY);
        String pl = "/listings/" + live + "/placements/" + placement;
        // every partner-facing endpoint, used by another partner on Acme's partner record, drafts and listings
        Object[][] denied = {
                {"GET", "/partners/" + acme, null},
                {"POST", "/partners/" + acme + "/contacts", contact},
                {"DELETE", "/partners/" + acme + "/contacts/c-1", null},
                {"POST", "/partners/" + acme + "/attestations", attestation},
                {"GET", "/partners/" + acme + "/listings", null},
                {"POST", "/partners/" + acme + "/listings", listing},
                {"GET", "/listings/" + draft, null},
                {"PUT", "/listings/" + draft, listing},
                {"POST", "/listings/" + draft + "/submission", null},
                {"GET", "/listings/" + live, null},
                {"POST", "/listings/" + live + "/end", "{\"outcome\":\"CLOSED\"}"},
                {"GET", "/listings/" + live + "/placements", null},
                {"POST", pl + "/hours/" + entry + "/confirmation", null},
                {"POST", pl + "/completion", "{\"rating\":1,\"comments\":\"Sabotage\"}"},
        };
        for (Object[] call : denied) {
            HttpResponse<String> response = api.send((String) call[0], path((String) call[1]), intruder, null, (String) call[2]);
            assertThat(response.statusCode()).as(call[0] + " " + call[1] + ": " + response.body()).isIn(403, 404);
        }
        // staff-only endpoints refuse every partner, own organisation or not
        Object[][] staffOnly = {
                {"GET", "/partners", null},
                {"POST", "/partners", "{\"name\":\"Mine\",\"type\":\"BUSINESS\"}"},
                {"PUT", "/partners/" + acme + "/agreement", "{\"start\":\"" + TODAY + "\",\"end\":\"" + TODAY.plusYears(1) + "\"}"},
                {"POST", "/listings/" + draft + "/approval", null},
                {"POST", "/listings/" + draft + "/return", "{\"reason\":\"x\"}"},
                {"POST", "/listings/" + draft + "/decline", "{\"reason\":\"x\"}"},
                {"POST", "/listings/" + live + "/placements", "{\"studentId\":\"stu-77002\",\"school\":\"X\",\"startedOn\":\"" + TODAY + "\"}"},
                {"POST", pl + "/hours", "{\"workedOn\":\"" + TODAY + "\",\"hours\":1}"},
                {"GET", "/review-queue", null},
        };
        for (Object[] call : staffOnly) {
            for (String token : new String[]{intruder, acmeToken}) {
                HttpResponse<String> response = api.send((String) call[0], path((String) call[1]), token, null, (String) call[2]);
                assertThat(response.statusCode()).as(call[0] + " " + call[1] + ": " + response.body()).isEqualTo(403);
            }
        }
        // a partner account not bound to an organisation, and a token of another district, are refused
        String unbound = TestTokens.token("nobody", district, "partner");
        assertThat(api.get(path("/partners/" + acme), unbound).statusCode()).isEqualTo(403);
        assertThat(api.get(path("/partners/" + acme + "/listings"),
                TestTokens.tokenWithClaims("sup", "elsewhere", Map.of("partner", acme), "partner")).statusCode()).isEqualTo(403);

        // nothing changed, and Acme itself still works on its own
        JsonNode own = body(api.get(path("/partners/" + acme + "/listings"), acmeToken), 200);
        assertThat(find(own, draft).get("status").asString()).isEqualTo("DRAFT");
        assertThat(find(own, draft).get("details").get("title").asString()).isEqualTo("Draft intern");
        assertThat(find(own, live).get("status").asString()).isEqualTo("APPROVED");
        JsonNode placements = body(api.get(path("/listings/" + live + "/placements"), acmeToken), 200);
        assertThat(placements.get(0).get("hours").get(0).get("confirmed").asBoolean()).isFalse();
        assertThat(placements.get(0).get("completed").asBoolean()).isFalse();
        assertThat(body(api.get(path("/partners/" + acme), acmeToken), 200).get("contacts").size()).isEqualTo(1);
    }

    @Test
    void badInputIsA400NamingTheFieldAndVisionDownIsUnverified() throws Exception {
        ApiClient api = api();
        assertProblem(api.post(path("/partners"), staff, "{\"name\":\"X\",\"type\":\"GUILD\"}"), 400, "type");
        assertProblem(api.post(path("/partners"), staff, "{\"name\":\"\",\"type\":\"BUSINESS\"}"), 400, "name");
        String partner = onboard("Acme Tools", "BUSINESS");
        assertProblem(api.post(path("/partners/" + partner + "/attestations"), staff,
                "{\"type\":\"LIABILITY_INSURANCE\",\"expiresAt\":\"2020-01-01T00:00:00Z\",\"reference\":\"P\"}"), 400, "expiresAt");
        assertProblem(api.send("PUT", path("/partners/" + partner + "/agreement"), staff, null,
                "{\"start\":\"" + TODAY + "\",\"end\":\"" + TODAY.plusYears(1) + "\",\"goalIds\":[\"nope\"]}"), 400, "goalIds");
        assertProblem(api.send("PUT", path("/partners/" + partner + "/agreement"), staff, null,
                "{\"start\":\"" + TODAY + "\",\"end\":\"" + TODAY + "\"}"), 400, "end");
        assertProblem(api.post(path("/partners/" + partner + "/contacts"), staff,
                "{\"name\":\"Dana\",\"role\":\"HR\",\"email\":\"dana\"}"), 400, "email");
        assertProblem(api.post(path("/partners/" + partner + "/listings"), staff,
                listingJson("INTERNSHIP", "T", "P", false, false, 12, 10, TODAY)), 400, "gradeMax");
        assertProblem(api.post(path("/partners/" + partner + "/listings"), staff,
                listingJson("INTERNSHIP", "T", "P", false, false, 10, 12, TODAY).replace("\"location\":\"12 Main St\"",
                        "\"location\":null")), 400, "location");

        vision.available(false);
        try {
            JsonNode signed = body(api.send("PUT", path("/partners/" + partner + "/agreement"), staff, null,
                    "{\"start\":\"" + TODAY + "\",\"end\":\"" + TODAY.plusYears(1) + "\",\"goalIds\":[\"g-1\"]}"), 200);
            assertThat(signed.get("alignment").asString()).isEqualTo("UNVERIFIED");
        } finally {
            vision.available(true);
        }
        // checked again once vision-service is back
        JsonNode view = api.await(path("/partners/" + partner), staff, p -> !p.get("agreement").isNull()
                && "VERIFIED".equals(p.get("agreement").get("alignment").asString()));
        assertThat(view.get("agreement").get("goalIds").get(0).asString()).isEqualTo("g-1");
    }

    @Test
    void givenAFirstEmbeddedStartWhenTheDemoPartnerIsSeededThenItsAccountCanSubmitAListingAndALaterStartSendsNothing()
            throws Exception {
        ApiClient api = api();

        assertThat(demoPartner.seed(district)).isTrue();

        JsonNode partner = api.await(path("/partners/" + DemoPartner.PARTNER_ID), staff,
                p -> p.has("goodStanding") && p.get("goodStanding").asBoolean());
        assertThat(partner.get("name").asString()).isEqualTo("Parker Partner Robotics");
        String demoAccount = TestTokens.tokenWithClaims("partner", district,
                Map.of("partner", DemoPartner.PARTNER_ID), "partner");
        String listing = draft(demoAccount, DemoPartner.PARTNER_ID, "INTERNSHIP", "Robotics intern", "Manufacturing",
                true, false, 10, 12, TODAY);
        body(api.post(path("/listings/" + listing + "/submission"), demoAccount, null), 200);
        api.await(path("/review-queue"), staff, q -> q.findValuesAsString("listingId").contains(listing));

        int events = partnerEvents();
        assertThat(demoPartner.seed(district)).as("a later start sends nothing").isFalse();
        assertThat(partnerEvents()).isEqualTo(events);
    }

    // --- helpers

    private String onboard(String name, String type) throws Exception {
        String id = body(api().post(path("/partners"), staff, "{\"name\":\"" + name + "\",\"type\":\"" + type
                + "\",\"description\":\"A partner\",\"website\":\"https://example.org\"}"), 201).get("partnerId").asString();
        body(api().post(path("/partners/" + id + "/contacts"), staff,
                "{\"name\":\"Dana Reyes\",\"role\":\"Supervisor\",\"email\":\"dana@example.org\",\"phone\":\"+1 555 0100\"}"), 201);
        api().await(path("/partners/" + id), staff, p -> p.get("contacts").size() == 1);
        return id;
    }

    private void inGoodStanding(String partnerId) throws Exception {
        ApiClient api = api();
        JsonNode agreement = body(api.send("PUT", path("/partners/" + partnerId + "/agreement"), staff, null,
                "{\"start\":\"" + TODAY + "\",\"end\":\"" + TODAY.plusYears(1) + "\",\"goalIds\":[\"g-1\"]}"), 200);
        assertThat(agreement.get("alignment").asString()).isEqualTo("VERIFIED");
        String later = Instant.now().plusSeconds(365L * 86400).toString();
        long version = -1;
        for (String type : new String[]{"LIABILITY_INSURANCE", "BACKGROUND_CHECKS"}) {
            version = body(api.post(path("/partners/" + partnerId + "/attestations"), staff,
                    "{\"type\":\"" + type + "\",\"expiresAt\":\"" + later + "\",\"reference\":\"REF-1\"}"), 201)
                    .get("version").asLong();
        }
        // a write answers with the version that includes the standing it brought: once the read side is there,
        // the standing is too (what the staff partners page waits for)
        long answered = version;
        JsonNode view = api.await(path("/partners/" + partnerId), staff, p -> p.get("version").asLong() >= answered);
        assertThat(view.get("goodStanding").asBoolean()).as(view.toString()).isTrue();
        assertThat(view.get("standingReasons")).isEmpty();
    }

    private String draft(String token, String partnerId, String type, String title, String pathway, boolean paid,
                         boolean remote, int gradeMin, int gradeMax, LocalDate applyFrom) throws Exception {
        return body(api().post(path("/partners/" + partnerId + "/listings"), token,
                listingJson(type, title, pathway, paid, remote, gradeMin, gradeMax, applyFrom)), 201)
                .get("listingId").asString();
    }

    private static String listingJson(String type, String title, String pathway, boolean paid, boolean remote,
                                      int gradeMin, int gradeMax, LocalDate applyFrom) {
        return """
                {"type":"%s","title":"%s","description":"Hands-on work with a mentor","pathway":"%s","paid":%s,
                 "paidTerms":%s,"location":"12 Main St","remote":%s,"schedule":"Tue and Thu afternoons",
                 "hoursPerWeek":6,"capacity":4,"gradeMin":%d,"gradeMax":%d,"minimumAge":15,
                 "applyFrom":"%s","applyUntil":"%s","contactName":"Dana Reyes","contactEmail":"dana@example.org"}"""
                .formatted(type, title.replace("\"", "\\\""), pathway, paid, paid ? "\"$15/hour\"" : "null", remote,
                        gradeMin, gradeMax, applyFrom, applyFrom.plusMonths(2));
    }

    private String partnerToken(String partnerId) {
        return TestTokens.tokenWithClaims("supervisor-" + partnerId.substring(0, 8), district,
                Map.of("partner", partnerId), "partner");
    }

    private List<String> ids(String boardPath) throws Exception {
        return body(api().get(boardPath, null), 200).findValuesAsString("listingId");
    }

    private static JsonNode find(JsonNode listings, String listingId) {
        for (JsonNode l : listings) {
            if (l.get("listingId").asString().equals(listingId)) {
                return l;
            }
        }
        throw new AssertionError("no listing " + listingId + " in " + listings);
    }

    private int partnerEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, new PartnerRef(district, DemoPartner.PARTNER_ID).toString());
    }

    private String path(String rest) {
        return "/districts/" + district + rest;
    }

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port + "/api/partnerships");
    }
}
