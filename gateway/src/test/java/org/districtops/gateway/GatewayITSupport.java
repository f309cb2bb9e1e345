package org.districtops.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the whole gateway against a real (tiny) vision service started with the JDK's HTTP server, and points
 * the pilot route at a port where nothing listens. Every IT shares this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class GatewayITSupport {

    /** The staff pages: served to a signed-in session only. */
    protected static final String[] STAFF_PAGES = {"/staff/", "/staff/plan.html", "/staff/partner.html",
            "/staff/review.html", "/staff/partners.html", "/staff/pilots.html", "/staff/pd.html", "/staff/educator.html",
            "/staff/vision.html", "/staff/audit.html"};
    /** Every path the fake vision service was asked for, in order. */
    protected static final Queue<String> VISION_REQUESTS = new ConcurrentLinkedQueue<>();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.Set<String> FLAKY_PATHS_SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final HttpServer VISION;
    private static final int DEAD_PORT;

    static {
        try {
            VISION = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool();
            VISION.setExecutor(executor);
            VISION.createContext("/api/vision/", GatewayITSupport::handleVision);
            VISION.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                VISION.stop(0);
                executor.shutdownNow();
            }));
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                DEAD_PORT = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    protected WebTestClient client;

    @LocalServerPort
    protected int port;

    /** The actuator's own port (metrics, info): never the public one. */
    @LocalManagementPort
    protected int managementPort;

    /** A client of the management port. */
    protected WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }

    /** An absolute URI sent exactly as written (no template expansion or re-encoding). */
    protected URI raw(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("DOP_VISION_URI", () -> "http://127.0.0.1:" + VISION.getAddress().getPort());
        registry.add("DOP_PILOT_URI", () -> "http://127.0.0.1:" + DEAD_PORT);
        // not whatever happens to listen on the default ports of this machine
        registry.add("DOP_PD_URI", () -> "http://127.0.0.1:" + DEAD_PORT);
        registry.add("DOP_PARTNERSHIP_URI", () -> "http://127.0.0.1:" + DEAD_PORT);
        // started by the tests that sign in or ask for tokens (AuthServerProcess.ensureStarted)
        registry.add("DOP_AUTH_ISSUER", () -> AuthServerProcess.ISSUER);
        // Short enough to test quickly, and unlike Resilience4j's own 1 s default, so the test shows it applies.
        registry.add("DOP_GATEWAY_DOWNSTREAM_TIMEOUT", () -> "2s");
    }

    /**
     * {@code /api/vision/slow} answers after 4 s; {@code /api/vision/actuator/**} answers as a real service
     * would (so a leak would be visible); the first request for each {@code /api/vision/flaky/**} path has its
     * connection closed unanswered; everything else echoes the request back as JSON with status 201.
     */
    private static void handleVision(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        VISION_REQUESTS.add(path);
        if (path.startsWith("/api/vision/flaky/") && FLAKY_PATHS_SEEN.add(path)) {
            exchange.close(); // no status line: the caller sees the connection closed early
            return;
        }
        try (exchange) {
            if (path.equals("/api/vision/slow")) {
                sleep(4_000);
                respond(exchange, 200, Map.of("slow", true));
                return;
            }
            if (path.endsWith("/audit/entries")) { // the public audit feed the district timeline reads
                respond(exchange, 200, Map.of("entries", List.of(Map.of("eventId", "e-1",
                        "at", "2026-03-10T18:00:00Z", "service", "vision", "districtId", "demo-district",
                        "eventType", "VisionAdopted", "summary", "Vision adopted (draft 2)",
                        "aggregateType", "DistrictVision", "aggregateId", "demo-district/vision",
                        "actorRole", "superintendent")), "page", 0, "size", 50, "total", 1));
                return;
            }
            if (path.startsWith("/api/vision/actuator")) {
                respond(exchange, 200, Map.of("status", "UP", "leaked", true));
                return;
            }
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", path);
            echo.put("query", exchange.getRequestURI().getRawQuery());
            echo.put("correlationIds", exchange.getRequestHeaders().getOrDefault("X-Correlation-Id", List.of()));
            echo.put("traceparent", exchange.getRequestHeaders().getOrDefault("traceparent", List.of()));
            echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            echo.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("X-Correlation-Id", "set-by-downstream");
            respond(exchange, 201, echo);
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
