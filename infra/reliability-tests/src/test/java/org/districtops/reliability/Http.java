package org.districtops.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Real HTTP with a hard per-request timeout: a request that hangs fails the test instead of the build. */
public final class Http {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {
    }

    /** {@code token}, {@code contentType} and {@code body} may be null. */
    public static HttpResponse<String> send(String method, String url, String token, String contentType, byte[] body,
                                            Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The service's OpenAPI document: springdoc builds it on the first call, which takes a while on 2 busy cores. */
    public static tools.jackson.databind.JsonNode openApi(String base) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).timeout(Duration.ofSeconds(120)).build();
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("OpenAPI document of " + base + ": " + r.statusCode());
        }
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body());
    }

    public static HttpResponse<String> json(String method, String url, String token, String body) throws Exception {
        return send(method, url, token, body == null ? null : "application/json",
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
    }

    public static boolean isProblem(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").map(t -> t.startsWith("application/problem+json")).orElse(false);
    }
}
