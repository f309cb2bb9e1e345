package org.districtops.testsupport;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stands in for vision-service in other services' tests: a loopback HTTP server that serves its published v1
 * goal list ({@code /api/vision/public/v1/districts/{id}/goals}) and can be switched to answering 503.
 */
public final class FakeVisionGoals {

    private final HttpServer server;
    private final AtomicBoolean up = new AtomicBoolean(true);

    private FakeVisionGoals(String goalsJson) {
        byte[] body = goalsJson.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/vision/public/v1/districts/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (up.get()) {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(503, -1);
            }
            exchange.close();
        });
        server.start();
    }

    /** Serves {@code goalsJson} (a JSON array of GoalSummary) for every district. */
    public static FakeVisionGoals serving(String goalsJson) {
        return new FakeVisionGoals(goalsJson);
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** false: answer 503, as a vision-service that is down behind the gateway would. */
    public void available(boolean available) {
        up.set(available);
    }

    public void stop() {
        server.stop(0);
    }
}
