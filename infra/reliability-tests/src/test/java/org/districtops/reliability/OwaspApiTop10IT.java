package org.districtops.reliability;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.districtops.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API Security Top 10 (2023), at least one test per category, against the four services running in-process.
 * Categories whose control sits at the gateway (API4 rate and size limits, API8 headers/actuator at the edge) are
 * tested in gateway's EdgeProtectionIT and RoutingIT; the mapping is in docs/reliability.md.
 */
class OwaspApiTop10IT {

    private static final String D = Principals.DISTRICT;

    private static String url(String service, String path) {
        return InProcessServices.get(service).base() + path;
    }

    private static String staff() {
        return TestTokens.token("owasp-staff", D, "district-staff");
    }

    private static String partnerOf(String partnerId) {
        return TestTokens.tokenWithClaims("owasp-" + partnerId, D, Map.of("partner", partnerId), "partner");
    }

    private static String onboardPartner() throws Exception {
        String partnerId = "owasp-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = Http.json("POST", url("partnership", "/districts/" + D + "/partners"), staff(),
                "{\"partnerId\":\"" + partnerId + "\",\"name\":\"Acme Internships\",\"type\":\"BUSINESS\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return partnerId;
    }

    // API1:2023 Broken Object Level Authorization
    @Test
    void api1_aPartnerCannotReachAnotherPartnersObjects_andAnEducatorNotAnotherEducatorsRecord() throws Exception {
        String partnerId = onboardPartner();
        String own = partnerOf(partnerId);
        String other = partnerOf("owasp-someone-else");
        String partnerUrl = url("partnership", "/districts/" + D + "/partners/" + partnerId);

        new org.districtops.testsupport.ApiClient(url("partnership", "")).await(
                "/districts/" + D + "/partners/" + partnerId, own, p -> true); // its own partner, once projected

        assertThat(Http.json("GET", partnerUrl, other, null).statusCode()).isIn(403, 404);
        assertThat(Http.json("GET", partnerUrl + "/listings", other, null).statusCode()).isIn(403, 404);
        assertThat(Http.json("PUT", partnerUrl + "/agreement", other,
                "{\"start\":\"2026-01-01\",\"end\":\"2026-12-31\"}").statusCode()).isIn(403, 404);

        String educatorA = TestTokens.educatorToken("owasp-educator-a", D);
        for (String path : List.of("/educators/owasp-educator-b", "/educators/owasp-educator-b/portfolio")) {
            HttpResponse<String> r = Http.json("GET", url("pd", "/districts/" + D + path), educatorA, null);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(Http.isProblem(r)).isTrue();
        }
    }

    // API2:2023 Broken Authentication
    @Test
    void api2_expiredForgedWrongIssuerAndUnsignedTokensAreRefusedWith401() throws Exception {
        String forged = sign(new RSAKeyGenerator(2048).keyID("test-key").generate(), TestTokens.ISSUER);
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"" + TestTokens.ISSUER
                + "\",\"sub\":\"x\",\"district\":\"" + D + "\",\"roles\":[\"superintendent\"],\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}").getBytes()) + ".";
        String good = TestTokens.token("x", D, "superintendent");
        String tampered = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        Map<String, String> bad = Map.of(
                "expired", TestTokens.expiredToken("x", D, "superintendent"),
                "wrong issuer", TestTokens.tokenFromIssuer("http://evil.example", "x", D, "superintendent"),
                "signed by an unknown key", forged,
                "alg none", unsigned,
                "tampered signature", tampered,
                "garbage", "not-a-jwt");
        for (Map.Entry<String, String> token : bad.entrySet()) {
            HttpResponse<String> r = Http.json("GET", url("vision", "/districts/" + D + "/vision/draft"), token.getValue(), null);
            assertThat(r.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(Http.isProblem(r)).as(token.getKey()).isTrue();
        }
        assertThat(Http.json("GET", url("vision", "/districts/" + D + "/vision/draft"), good, null).statusCode())
                .as("the same request with a valid token").isNotIn(401, 403);
    }

    private static String sign(com.nimbusds.jose.jwk.RSAKey key, String issuer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuer).subject("x").claim("district", D)
                        .claim("roles", List.of("superintendent")).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    // API3:2023 Broken Object Property Level Authorization (mass assignment)
    @Test
    void api3_statusDistrictAndIdentityFieldsInABodyAreRejectedNotApplied() throws Exception {
        for (String extra : List.of("\"status\":\"APPROVED\"", "\"districtId\":\"rel-other-district\"",
                "\"actorId\":\"someone\"", "\"approved\":true")) {
            HttpResponse<String> r = Http.json("POST", url("partnership", "/districts/" + D + "/partners"), staff(),
                    "{\"partnerId\":\"owasp-mass-" + UUID.randomUUID().toString().substring(0, 6)
                            + "\",\"name\":\"Acme\",\"type\":\"BUSINESS\"," + extra + "}");
            assertThat(r.statusCode()).as(extra).isEqualTo(400);
            String field = extra.substring(1, extra.indexOf('"', 1));
            assertThat(ApiProblem.fields(r)).as(extra).contains(field);
        }
    }

    // API4:2023 Unrestricted Resource Consumption (service side; the gateway's 429/413 are in EdgeProtectionIT)
    @Test
    void api4_hugeAndDeeplyNestedBodiesAreRefusedQuicklyAsClientErrors() throws Exception {
        String huge = "{\"partnerId\":\"owasp-huge\",\"name\":\"" + "x".repeat(4 * 1024 * 1024) + "\",\"type\":\"BUSINESS\"}";
        String deep = "{\"name\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
        for (String body : List.of(huge, deep)) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = Http.json("POST", url("partnership", "/districts/" + D + "/partners"), staff(), body);
            assertThat(r.statusCode()).isBetween(400, 499);
            assertThat(Http.isProblem(r)).isTrue();
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds to refuse").isLessThan(Http.TIMEOUT.toSeconds());
        }
    }

    // API5:2023 Broken Function Level Authorization
    @Test
    void api5_educatorsPartnersAndAuditorsCannotCallStaffFunctions() throws Exception {
        String educator = TestTokens.educatorToken("owasp-educator", D);
        String auditor = TestTokens.token("owasp-auditor", D, "auditor");
        String partner = partnerOf("owasp-p");
        record Call(String service, String method, String pattern, String token) { }
        for (Call c : List.of(
                new Call("pd", "POST", "/districts/{districtId}/badges", educator),
                new Call("pd", "GET", "/districts/{districtId}/educators", educator),
                new Call("vision", "POST", "/districts/{districtId}/plans", educator),
                new Call("pilot", "POST", "/districts/{districtId}/pilots", partner),
                new Call("partnership", "GET", "/districts/{districtId}/review-queue", partner),
                new Call("partnership", "POST", "/districts/{districtId}/partners", auditor))) {
            // a valid body, so that the answer is about the role and not about the input
            String body = c.method().equals("GET") ? null
                    : new SampleBodies(Http.openApi(InProcessServices.get(c.service()).base())).bodyFor(c.method(), c.pattern());
            HttpResponse<String> r = Http.json(c.method(), url(c.service(), c.pattern().replace("{districtId}", D)), c.token(), body);
            assertThat(r.statusCode()).as(c.service() + " " + c.method() + " " + c.pattern() + " " + r.body()).isEqualTo(403);
        }
    }

    // API6:2023 Unrestricted Access to Sensitive Business Flows
    @Test
    void api6_aPartnerCannotApproveItsOwnListingNorOnboardItself() throws Exception {
        String partnerId = onboardPartner();
        String own = partnerOf(partnerId);
        HttpResponse<String> approve = Http.json("POST", url("partnership", "/districts/" + D + "/listings/"
                + UUID.randomUUID() + "/approval"), own, "{}");
        assertThat(approve.statusCode()).isEqualTo(403);
        HttpResponse<String> onboard = Http.json("POST", url("partnership", "/districts/" + D + "/partners"), own,
                "{\"partnerId\":\"owasp-self\",\"name\":\"Me\",\"type\":\"BUSINESS\"}");
        assertThat(onboard.statusCode()).isEqualTo(403);
        HttpResponse<String> again = Http.json("POST", url("partnership", "/districts/" + D + "/partners"), staff(),
                "{\"partnerId\":\"" + partnerId + "\",\"name\":\"Twice\",\"type\":\"BUSINESS\"}");
        assertThat(again.statusCode()).as("onboarding the same partner twice").isEqualTo(409);
    }

    // API7:2023 Server Side Request Forgery
    @Test
    void api7_noServiceFetchesAUrlItWasGiven_theOnlyOutboundCallIsTheConfiguredVisionClient() throws Exception {
        Path home = Path.of(System.getProperty("dop.home"));
        List<String> outbound = new ArrayList<>();
        for (String module : List.of("vision-service", "pilot-service", "pd-service", "partnership-service", "infra/service-kit")) {
            try (Stream<Path> files = Files.walk(home.resolve(module))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main")).toList()) {
                    String src = Files.readString(f);
                    if (Stream.of("RestClient", "RestTemplate", "WebClient", "HttpClient", "URLConnection", "import java.net.URL;",
                            "new URL(", "toURL()").anyMatch(src::contains)) {
                        outbound.add(home.relativize(f).toString());
                    }
                }
            }
        }
        // both call only configured addresses: vision-service's goals, and the identity provider's key set
        assertThat(outbound).as("classes that make outbound HTTP calls").containsExactlyInAnyOrder(
                "vision-service/vision-client/src/main/java/org/districtops/vision/client/VisionGoalsClient.java",
                "infra/service-kit/src/main/java/org/districtops/kit/security/ResourceServerConfiguration.java");
        // a badge image is inline data, never a URL the service would fetch: a URL is refused, not followed
        String pdStaff = TestTokens.token("owasp-pd", D, "pd-staff");
        HttpResponse<String> r = Http.json("POST", url("pd", "/districts/" + D + "/badges"), pdStaff,
                "{\"name\":\"SSRF\",\"description\":\"d\",\"criteria\":\"c\",\"pdHours\":1,"
                        + "\"image\":{\"contentType\":\"image/png\",\"data\":\"http://169.254.169.254/latest/meta-data/\"}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    }

    // API8:2023 Security Misconfiguration (service side; the gateway's headers are in EdgeProtectionIT)
    @Test
    void api8_servicesSendSecurityHeadersAndExposeNoSensitiveActuatorEndpoints() throws Exception {
        for (InProcessServices.Service s : InProcessServices.all().values()) {
            HttpResponse<String> r = Http.json("GET", s.base() + "/public/service-info", null, null);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(s.name()).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(s.name()).hasValue("DENY");
            for (String endpoint : List.of("env", "heapdump", "threaddump", "beans", "configprops", "mappings", "loggers", "shutdown")) {
                HttpResponse<String> a = Http.json("GET", s.base() + "/actuator/" + endpoint, Principals.everyRole(), null);
                assertThat(a.statusCode()).as(s.name() + " /actuator/" + endpoint).isIn(401, 403, 404);
            }
            HttpResponse<String> error = Http.json("POST", s.base() + "/districts/" + D + "/nowhere", Principals.everyRole(), "{");
            assertThat(error.body()).as("no stack traces or class names in errors").doesNotContain("Exception", "at org.");
        }
    }

    // API9:2023 Improper Inventory Management
    @Test
    void api9_everyRouteIsInTheServicesOpenApiDocumentOrIsInfrastructure() throws Exception {
        Set<String> infrastructure = Set.of("/error", "/swagger-ui.html", "/v3/api-docs", "/v3/api-docs.yaml",
                "/v3/api-docs/swagger-config");
        List<String> undocumented = new ArrayList<>();
        for (InProcessServices.Service s : InProcessServices.all().values()) {
            JsonNode paths = Http.openApi(s.base()).path("paths");
            for (RouteCatalog.Route route : RouteCatalog.routes(s)) {
                if (!infrastructure.contains(route.pattern())
                        && paths.path(route.pattern()).path(route.method().toLowerCase()).isMissingNode()) {
                    undocumented.add(route.key());
                }
            }
        }
        assertThat(undocumented).isEmpty();
        assertThat(AuthorizationMatrixIT.readTable()).as("and every route is in the authorization matrix").hasSizeGreaterThan(100);
    }

    static final class ApiProblem {
        static List<String> fields(HttpResponse<String> r) {
            JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body());
            return body.path("errors").findValuesAsString("field");
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
