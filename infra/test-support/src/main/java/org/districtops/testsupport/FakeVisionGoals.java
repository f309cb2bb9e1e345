package org.districtops.testsupport;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stands in for vision-service in other services' tests: a loopback HTTP server that serves its published v1
 * goal list ({@code /api/vision/public/v1/districts/{id}/goals}) and can be switched to answering 503, or to
 * accepting requests and never answering (a hung vision-service: the worst case for a caller's threads).
 */
public final class FakeVisionGoals {

    private final HttpServer server;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicBoolean silent = new AtomicBoolean(false);

    private FakeVisionGoals(String goalsJson) {
        byte[] body = goalsJson.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/vision/public/v1/districts/", exchange -> {
            while (silent.get()) {
                try {
                    Thread.sleep(50); // holds the request open, answering nothing, until silent(false)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.close();
                    return;
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (up.get()) {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(503, -1);
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-vision");
            t.setDaemon(true);
            return t;
        }));
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

    /** true: accept requests and never answer them (until set back to false). */
    public void silent(boolean hang) {
        silent.set(hang);
    }

    public void stop() {
        silent.set(false);
        server.stop(0);
    }
}
