package org.districtops.gateway.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.districtops.gateway.AuthServerProcess;
import org.districtops.gateway.GatewayITSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's sign-in at the gateway against the real authorization server (its own process), driven with a
 * cookie-aware HTTP client that follows nothing by itself: every redirect of the OIDC flow is visible and checked.
 * Then the session's calls through the gateway: token relay to a service, CSRF on unsafe requests, logout.
 */
class SignInIT extends GatewayITSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private String gateway;
    private CookieManager cookies;
    private HttpClient browser;

    @BeforeEach
    void startAuthServerAndBrowser() {
        gateway = "http://localhost:" + port;
        AuthServerProcess.ensureStarted(gateway);
        cookies = new CookieManager();
        // HTTP/1.1 as a browser speaks to a plain-http origin (never an h2c upgrade)
        browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void aStaffPageSendsTheBrowserToSignInAndBackAndTheSessionsApiCallsCarryItsAccessToken() throws Exception {
        HttpResponse<String> staff = get("/staff/plans");
        assertThat(staff.statusCode()).isEqualTo(302);
        assertThat(location(staff)).endsWith("/oauth2/authorization/dop");

        HttpResponse<String> back = signIn("/staff/plans", "superintendent", "demo");
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(location(back)).as("back to the page that was asked for").isEqualTo(gateway + "/staff/plans");

        JsonNode session = JSON.readTree(expect(get("/auth/me"), 200).body());
        assertThat(session.get("sub").asString()).isEqualTo("superintendent");
        assertThat(session.get("username").asString()).isEqualTo("superintendent");
        assertThat(session.get("name").asString()).isEqualTo("Sam Superintendent");
        assertThat(session.get("district").asString()).isEqualTo("demo-district");
        assertThat(session.get("roles").toString()).isEqualTo("[\"superintendent\"]");

        for (String page : STAFF_PAGES) {
            assertThat(expect(get(page), 200).body()).as(page)
                    .contains("/js/staff.js").doesNotContain("<script>").doesNotContain(" style=");
        }

        // The browser sends no token; the gateway relays the session's access token to the service.
        JsonNode echo = JSON.readTree(expect(get("/api/vision/districts/demo-district/plans"), 201).body());
        String authorization = echo.get("authorization").asString();
        assertThat(authorization).startsWith("Bearer ");
        JWTClaimsSet claims = SignedJWT.parse(authorization.substring(7)).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(AuthServerProcess.ISSUER);
        assertThat(claims.getSubject()).isEqualTo("superintendent");
        assertThat(claims.getStringClaim("district")).isEqualTo("demo-district");
        assertThat(claims.getStringListClaim("roles")).containsExactly("superintendent");
    }

    @Test
    void unsafeRequestsOfASessionNeedTheCsrfTokenFromTheCookieAndBearerCallsDoNot() throws Exception {
        signIn("/oauth2/authorization/dop", "partner", "demo");
        expect(get("/auth/me"), 200); // what a page does first; it also sets the CSRF cookie

        HttpResponse<String> withoutToken = post(browser, "/api/vision/districts/demo-district/csrf-missing", null, null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(VISION_REQUESTS).doesNotContain("/api/vision/districts/demo-district/csrf-missing");

        String csrf = csrfCookie();
        HttpResponse<String> withToken = post(browser, "/api/vision/districts/demo-district/csrf-sent", csrf, null);
        JsonNode echo = JSON.readTree(expect(withToken, 201).body());
        assertThat(echo.get("body").asString()).isEqualTo("{\"title\":\"x\"}");
        assertThat(SignedJWT.parse(echo.get("authorization").asString().substring(7)).getJWTClaimsSet()
                .getStringClaim("partner")).isEqualTo("demo-partner");

        // A machine client: its own bearer token, no cookies, no CSRF token; the header reaches the service untouched.
        HttpClient machine = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        JsonNode machineEcho = JSON.readTree(expect(
                post(machine, "/api/vision/districts/demo-district/machine", null, "Bearer machine-token"), 201).body());
        assertThat(machineEcho.get("authorization").asString()).isEqualTo("Bearer machine-token");

        // Anonymous public reads keep working and carry no token.
        JsonNode anonymous = JSON.readTree(expect(machine.send(HttpRequest.newBuilder(
                URI.create(gateway + "/api/vision/public/districts/demo-district")).GET().build(),
                HttpResponse.BodyHandlers.ofString()), 201).body());
        assertThat(anonymous.get("authorization").isNull()).isTrue();
    }

    @Test
    void logoutEndsTheSessionHereAndAtTheAuthorizationServer() throws Exception {
        signIn("/oauth2/authorization/dop", "educator", "demo");
        // the educator account is linked to its pd-service record (the demo roster's educator)
        assertThat(JSON.readTree(expect(get("/auth/me"), 200).body()).get("educatorId").asString())
                .isEqualTo("acc09c36-758e-38d8-a0c5-0456c4b8501c");

        HttpResponse<String> withoutToken = send(HttpRequest.newBuilder(URI.create(gateway + "/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> logout = send(HttpRequest.newBuilder(URI.create(gateway + "/logout"))
                .header("X-XSRF-TOKEN", csrfCookie())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(302);
        URI endSession = URI.create(location(logout));
        assertThat(endSession.toString()).startsWith(AuthServerProcess.ISSUER + "/connect/logout")
                .contains("id_token_hint=")
                .contains("post_logout_redirect_uri=" + gateway + "/");
        HttpResponse<String> backHome = send(HttpRequest.newBuilder(endSession).GET());
        assertThat(backHome.statusCode()).isEqualTo(302);
        assertThat(location(backHome)).isEqualTo(gateway + "/");

        HttpResponse<String> session = get("/auth/me");
        assertThat(session.statusCode()).isEqualTo(401);
        assertThat(session.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // signed out at the authorization server too: a new sign-in asks for the password again
        HttpResponse<String> authorize = send(HttpRequest.newBuilder(URI.create(
                location(get("/oauth2/authorization/dop")))).GET());
        assertThat(location(authorize)).isEqualTo(AuthServerProcess.ISSUER + "/login");
    }

    @Test
    void givenASignedInPageWhenItsScriptSignsOutWithTheCsrfHeaderThenItIsToldWhereToGoAndTheSessionIsOver()
            throws Exception {
        signIn("/oauth2/authorization/dop", "pdstaff", "demo");
        expect(get("/auth/me"), 200);

        // what staff.js sends: POST /logout, X-XSRF-TOKEN from the cookie, asking for an answer instead of a redirect
        HttpResponse<String> logout = send(HttpRequest.newBuilder(URI.create(gateway + "/logout"))
                .header("X-XSRF-TOKEN", csrfCookie())
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(logout.statusCode()).isEqualTo(200);
        URI endSession = URI.create(logout.headers().firstValue("X-Logout-Location").orElseThrow());
        assertThat(endSession.toString()).startsWith(AuthServerProcess.ISSUER + "/connect/logout")
                .contains("post_logout_redirect_uri=" + gateway + "/");
        assertThat(get("/auth/me").statusCode()).isEqualTo(401);
        // the page then goes there; the authorization server ends its session and sends it to the public page
        HttpResponse<String> backHome = send(HttpRequest.newBuilder(endSession).GET());
        assertThat(location(backHome)).isEqualTo(gateway + "/");
    }

    @Test
    void anAnonymousBrowserIsNotSignedIn() throws Exception {
        HttpResponse<String> session = get("/auth/me");
        assertThat(session.statusCode()).isEqualTo(401);
        JsonNode problem = JSON.readTree(session.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("login").asString()).isEqualTo("/oauth2/authorization/dop");
        assertThat(get("/districts/demo-district").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordDoesNotSignIn() throws Exception {
        HttpResponse<String> rejected = signIn("/oauth2/authorization/dop", "superintendent", "wrong");
        assertThat(location(rejected)).endsWith("/login?error");
        assertThat(get("/auth/me").statusCode()).isEqualTo(401);
    }

    /**
     * Follows the OIDC flow from {@code start} at the gateway through the authorization server's login form and back
     * to the gateway's callback, and returns the gateway's answer to the callback (or the failed login's redirect).
     */
    private HttpResponse<String> signIn(String start, String username, String password) throws Exception {
        HttpResponse<String> toProvider = start.startsWith("/oauth2/") ? get(start) : get(location(get(start)));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI authorize = URI.create(location(toProvider));
        assertThat(authorize.toString()).startsWith(AuthServerProcess.ISSUER + "/oauth2/authorize")
                .contains("code_challenge=").contains("code_challenge_method=S256").contains("nonce=");
        HttpResponse<String> toLogin = send(HttpRequest.newBuilder(authorize).GET());
        assertThat(location(toLogin)).isEqualTo(AuthServerProcess.ISSUER + "/login");
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(location(toLogin))).GET());
        Matcher csrf = CSRF_FIELD.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(URI.create(AuthServerProcess.ISSUER + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        if (location(loggedIn).contains("error")) {
            return loggedIn;
        }
        HttpResponse<String> withCode = send(HttpRequest.newBuilder(URI.create(location(loggedIn))).GET());
        URI callback = URI.create(location(withCode));
        assertThat(callback.toString()).startsWith(gateway + "/login/oauth2/code/dop?").contains("code=");
        return send(HttpRequest.newBuilder(callback).GET());
    }

    private String csrfCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(SignInConfig.CSRF_COOKIE))
                .map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no " + SignInConfig.CSRF_COOKIE + " cookie"));
    }

    private HttpResponse<String> post(HttpClient client, String path, String csrf, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}"));
        if (csrf != null) {
            request.header(SignInConfig.CSRF_HEADER, csrf);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a browser navigates: it accepts HTML (only such requests are remembered to return to after sign-in). */
    private HttpResponse<String> get(String pathOrUrl) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("/") ? gateway + pathOrUrl : pathOrUrl))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        // bounded: a request the gateway never answers fails the test instead of hanging the build
        return browser.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        return response;
    }

    private String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                response.uri() + " answered " + response.statusCode() + " without Location"));
        return location.startsWith("/") ? "http://" + response.uri().getAuthority() + location : location;
    }
}
