package org.districtops.auth;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization server as the gateway and machine clients meet it, over real HTTP: discovery, the
 * authorization code flow with PKCE driven through the login form like a browser, refresh, client credentials and
 * the demo token endpoint. Every token is verified against the published JWK set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AuthServerIT {

    private static final int PORT = freePort();
    private static final String BASE = "http://localhost:" + PORT;
    private static final String REDIRECT = "http://gateway.test/login/oauth2/code/dop";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path keys = Files.createTempDirectory("auth-it-keys");
        registry.add("server.port", () -> PORT);
        registry.add("dop.auth.key-dir", keys::toString);
        registry.add("DOP_GATEWAY_URL", () -> "http://gateway.test");
    }

    @Test
    void discoveryDescribesTheIssuerAndItsEndpoints() throws Exception {
        JsonNode metadata = json(send(HttpRequest.newBuilder(URI.create(BASE + "/.well-known/openid-configuration")).GET(),
                noRedirects()), 200);
        assertThat(metadata.get("issuer").asString()).isEqualTo(BASE);
        assertThat(metadata.get("authorization_endpoint").asString()).isEqualTo(BASE + "/oauth2/authorize");
        assertThat(metadata.get("token_endpoint").asString()).isEqualTo(BASE + "/oauth2/token");
        assertThat(metadata.get("jwks_uri").asString()).isEqualTo(BASE + "/oauth2/jwks");
        assertThat(metadata.get("end_session_endpoint").asString()).isEqualTo(BASE + "/connect/logout");
        assertThat(metadata.get("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void aMachineClientGetsATokenActingForItsConfiguredDistrictAndRoles() throws Exception {
        JsonNode response = json(send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                .header("Authorization", basic("dop-reporting", "dop-reporting-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "client_credentials", "scope", "api"))), noRedirects()), 200);
        JWTClaimsSet claims = verified(response.get("access_token").asString());
        assertThat(claims.getIssuer()).isEqualTo(BASE);
        assertThat(claims.getSubject()).isEqualTo("dop-reporting");
        assertThat(claims.getStringClaim("district")).isEqualTo("demo-district");
        assertThat(claims.getStringListClaim("roles")).containsExactly("auditor");

        HttpResponse<String> wrongSecret = send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                .header("Authorization", basic("dop-reporting", "guess"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "client_credentials"))), noRedirects());
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void aBrowserSignsInThroughTheLoginFormAndTheGatewayRedeemsTheCodeWithItsPkceVerifier() throws Exception {
        HttpClient browser = browser();
        String verifier = randomUrlSafe();
        HttpResponse<String> redirect = signIn(browser, "partner", "demo", challengeOf(verifier));

        URI callback = URI.create(location(redirect));
        assertThat(callback.toString()).startsWith(REDIRECT);
        Map<String, String> query = query(callback);
        assertThat(query).containsEntry("state", "state-1").containsKey("code");

        // A stolen code is useless without the verifier.
        Map<String, String> redeem = new LinkedHashMap<>(Map.of("grant_type", "authorization_code",
                "code", query.get("code"), "redirect_uri", REDIRECT, "code_verifier", randomUrlSafe()));
        assertThat(send(tokenRequest(redeem), noRedirects()).statusCode()).isEqualTo(400);

        redeem.put("code_verifier", verifier);
        HttpResponse<String> tokenResponse = send(tokenRequest(redeem), noRedirects());
        JsonNode tokens = json(tokenResponse, 200);
        JWTClaimsSet access = verified(tokens.get("access_token").asString());
        JWTClaimsSet id = verified(tokens.get("id_token").asString());
        for (JWTClaimsSet claims : List.of(access, id)) {
            assertThat(claims.getIssuer()).isEqualTo(BASE);
            assertThat(claims.getSubject()).isEqualTo("partner");
            assertThat(claims.getStringClaim("district")).isEqualTo("demo-district");
            assertThat(claims.getStringListClaim("roles")).containsExactly("partner");
            assertThat(claims.getStringClaim("partner")).isEqualTo("demo-partner");
            assertThat(claims.getStringClaim("name")).isEqualTo("Parker Partner");
        }
        assertThat(id.getStringClaim("nonce")).isEqualTo("nonce-1");
        assertThat(id.getAudience()).containsExactly("dop-gateway");

        JsonNode refreshed = json(send(tokenRequest(Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asString())), noRedirects()), 200);
        assertThat(verified(refreshed.get("access_token").asString()).getStringListClaim("roles")).containsExactly("partner");
    }

    @Test
    void aWrongPasswordIsRejectedAndNoCodeIsIssued() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> afterLogin = signIn(browser, "superintendent", "wrong", challengeOf(randomUrlSafe()));
        assertThat(location(afterLogin)).endsWith("/login?error");
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(BASE + "/login?error")).GET(), browser);
        assertThat(page.body()).contains("Unknown username or wrong password");
    }

    @Test
    void theGatewayClientMustUsePkce() throws Exception {
        HttpClient browser = browser();
        signIn(browser, "planner", "demo", challengeOf(randomUrlSafe()));
        HttpResponse<String> withoutChallenge = send(HttpRequest.newBuilder(URI.create(authorizeUrl(null))).GET(), browser);
        assertThat(location(withoutChallenge)).startsWith(REDIRECT).contains("error=invalid_request")
                .doesNotContain("code=");
    }

    @Test
    void theDemoTokenEndpointSignsWithTheSameKeyAndIssuer() throws Exception {
        JsonNode response = json(send(HttpRequest.newBuilder(URI.create(BASE + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "password", "username", "superintendent", "password", "demo"))),
                noRedirects()), 200);
        assertThat(response.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(response.get("expires_in").asLong()).isEqualTo(3600);
        JWTClaimsSet claims = verified(response.get("access_token").asString());
        assertThat(claims.getIssuer()).isEqualTo(BASE);
        assertThat(claims.getSubject()).isEqualTo("superintendent");
        assertThat(claims.getStringClaim("district")).isEqualTo("demo-district");
        assertThat(claims.getStringListClaim("roles")).containsExactly("superintendent");
        assertThat(claims.getJWTID()).isNotBlank();

        for (Map<String, String> wrong : List.of(
                Map.of("grant_type", "password", "username", "planner", "password", "wrong"),
                Map.of("grant_type", "password", "username", "nobody", "password", "demo"))) {
            JsonNode error = json(send(HttpRequest.newBuilder(URI.create(BASE + "/auth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(form(wrong)), noRedirects()), 400);
            assertThat(error.get("error").asString()).isEqualTo("invalid_grant");
            assertThat(error.has("access_token")).isFalse();
        }
        JsonNode missing = json(send(HttpRequest.newBuilder(URI.create(BASE + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "password", "password", "demo"))), noRedirects()), 400);
        assertThat(missing.get("error").asString()).isEqualTo("invalid_request");
        assertThat(missing.get("error_description").asString()).contains("username");
        JsonNode notForm = json(send(HttpRequest.newBuilder(URI.create(BASE + "/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"password\"}")), noRedirects()), 400);
        assertThat(notForm.get("error").asString()).isEqualTo("invalid_request");
        JsonNode otherGrant = json(send(HttpRequest.newBuilder(URI.create(BASE + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "client_credentials"))), noRedirects()), 400);
        assertThat(otherGrant.get("error").asString()).isEqualTo("unsupported_grant_type");
    }

    /** Starts an authorization request, is sent to the login form, and submits it with its CSRF token. */
    private static HttpResponse<String> signIn(HttpClient browser, String username, String password, String challenge)
            throws Exception {
        HttpResponse<String> authorize = send(HttpRequest.newBuilder(URI.create(authorizeUrl(challenge))).GET(), browser);
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).isEqualTo(BASE + "/login");
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(URI.create(BASE + "/login")).GET(), browser);
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("<form method=\"post\" action=\"/login\"").doesNotContain("<script");
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as("CSRF field in the login form").isTrue();
        HttpResponse<String> afterLogin = send(HttpRequest.newBuilder(URI.create(BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("username", username, "password", password, "_csrf", csrf.group(1)))), browser);
        assertThat(afterLogin.statusCode()).isEqualTo(302);
        if (location(afterLogin).contains("error")) {
            return afterLogin;
        }
        // back to the saved authorization request, which now answers with the code
        HttpResponse<String> resumed = send(HttpRequest.newBuilder(URI.create(absolute(location(afterLogin)))).GET(), browser);
        assertThat(resumed.statusCode()).isEqualTo(302);
        return resumed;
    }

    private static String authorizeUrl(String challenge) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", "dop-gateway");
        params.put("redirect_uri", REDIRECT);
        params.put("scope", "openid profile api");
        params.put("state", "state-1");
        params.put("nonce", "nonce-1");
        if (challenge != null) {
            params.put("code_challenge", challenge);
            params.put("code_challenge_method", "S256");
        }
        return BASE + "/oauth2/authorize?" + encode(params);
    }

    private static HttpRequest.Builder tokenRequest(Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                .header("Authorization", basic("dop-gateway", "dop-gateway-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(fields));
    }

    private static JWTClaimsSet verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        HttpResponse<String> jwks = send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/jwks")).GET(), noRedirects());
        RSAKey key = (RSAKey) JWKSet.parse(jwks.body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("signing key published in the JWK set").isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
        return jwt.getJWTClaimsSet();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpClient noRedirects() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, HttpClient client) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location header; status " + response.statusCode()));
    }

    private static String absolute(String location) {
        return location.startsWith("/") ? BASE + location : location;
    }

    private static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(encode(fields));
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String randomUrlSafe() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challengeOf(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
