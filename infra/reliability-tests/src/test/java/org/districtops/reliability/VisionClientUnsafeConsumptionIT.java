package org.districtops.reliability;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.districtops.vision.client.VisionGoalsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API10:2023 Unsafe Consumption of APIs: the goal client other services use to call vision-service, facing a
 * vision-service that answers with hostile, huge or endlessly slow responses. It must give up within its time
 * budget, never throw into the caller, and never treat a malformed answer as a verified one.
 */
class VisionClientUnsafeConsumptionIT {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private VisionGoalsClient clientFor(String contentType, byte[] body, long dripMillis) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                if (dripMillis == 0) {
                    out.write(body);
                } else {
                    for (byte b : body) { // one byte at a time: headers come fast, the body never ends in time
                        out.write(b);
                        out.flush();
                        Thread.sleep(dripMillis);
                    }
                }
            } catch (Exception clientGaveUp) {
                // expected for the slow answer
            }
        });
        server.start();
        return new VisionGoalsClient("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(2),
                CircuitBreaker.ofDefaults("hostile"),
                Retry.of("hostile", RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(100)).build()));
    }

    @Test
    void aMalformedOrHostileAnswerIsUnverifiedNotAnException() throws Exception {
        for (String body : List.of("{\"not\":\"a list\"}", "[{\"goalId\":{\"$gt\":\"\"}}]", "<script>alert(1)</script>",
                "[" + "[".repeat(5_000) + "]".repeat(5_000) + "]")) {
            VisionGoalsClient client = clientFor("application/json", body.getBytes(StandardCharsets.UTF_8), 0);
            VisionGoalsClient.GoalCheck check = client.check("d", List.of("g-1"));
            assertThat(check.answered()).as(body.substring(0, Math.min(40, body.length()))).isFalse();
            stop();
        }
    }

    @Test
    void aHugeAnswerDoesNotBreakTheCaller() throws Exception {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 200_000; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"goalId\":\"g-").append(i).append("\",\"planId\":\"p\",\"title\":\"")
                    .append("t".repeat(50)).append("\",\"conditions\":[]}");
        }
        VisionGoalsClient client = clientFor("application/json", sb.append("]").toString().getBytes(StandardCharsets.UTF_8), 0);
        long t0 = System.nanoTime();
        VisionGoalsClient.GoalCheck check = client.check("d", List.of("g-1", "unknown"));
        assertThat(check.answered()).isTrue();
        assertThat(check.unknownGoalIds()).containsExactly("unknown");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    }

    @Test
    void anEndlesslySlowAnswerIsAbandonedWithinTheTimeBudget() throws Exception {
        VisionGoalsClient client = clientFor("application/json",
                "[{\"goalId\":\"g-1\",\"planId\":\"p\",\"title\":\"slow\",\"conditions\":[]}]".getBytes(StandardCharsets.UTF_8), 500);
        long t0 = System.nanoTime();
        VisionGoalsClient.GoalCheck check = client.check("d", List.of("g-1"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(check.answered()).isFalse();
        // two attempts of a 2 s budget each, plus the retry pause: never the 30 s the drip would take
        assertThat(seconds).isLessThan(8);
    }
}
