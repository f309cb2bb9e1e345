package org.districtops.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Real HTTP against a service under test (no MockMvc): requests with bearer tokens, If-Match and problem checks. */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    /** {@code base}: scheme, host, port and the service's context path, e.g. http://localhost:1234/api/vision. */
    public ApiClient(String base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null, null);
    }

    public HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send("POST", path, token, null, body);
    }

    /** Any method; {@code token}, {@code ifMatch} and {@code body} may be null. */
    public HttpResponse<String> send(String method, String path, String token, String ifMatch, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} until it answers 200 with a body that satisfies {@code done} (projections are asynchronous). */
    public JsonNode await(String path, String token, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(path, token);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && done.test(JSON.readTree(response.body()))) {
                return JSON.readTree(response.body());
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " did not show the expected state within 20 s; last answer: " + last);
    }

    /** The JSON body, after checking the status. */
    public static JsonNode body(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** An RFC 9457 problem with this status whose {@code errors[].field} names {@code field}. */
    public static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("errors").findValuesAsString("field")).contains(field);
    }
}
