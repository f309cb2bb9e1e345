package org.districtops.gateway.timeline;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The district timeline over real HTTP: two services' public feeds merged newest first, a service that is down
 * and one that is too slow left out and named, and paging by time.
 */
class DistrictTimelineTest {

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ServerSocket> sockets = new ArrayList<>();
    private final Queue<String> queries = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() throws IOException {
        servers.forEach(s -> s.stop(0));
        for (ServerSocket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void entriesOfSeveralServicesAreMergedInTimeOrderAndMissingServicesAreNamed() throws Exception {
        URI vision = feed("vision", """
                {"entries":[
                  {"eventId":"v2","at":"2026-03-12T10:00:00Z","service":"vision","districtId":"d-1","eventType":"MeasureTargetChanged","summary":"Target changed","aggregateType":"StrategicPlan","aggregateId":"d-1/plan/p1","actorRole":"superintendent"},
                  {"eventId":"v1","at":"2026-03-01T09:00:00Z","service":"vision","districtId":"d-1","eventType":"VisionAdopted","summary":"Vision adopted","aggregateType":"DistrictVision","aggregateId":"d-1/vision","actorRole":"superintendent"}],
                 "page":0,"size":3,"total":2}""");
        URI pilots = feed("pilot", """
                {"entries":[
                  {"eventId":"p2","at":"2026-03-20T15:30:00Z","service":"pilot","districtId":"d-1","eventType":"PilotDecided","summary":"Pilot decided: SCALE","aggregateType":"Pilot","aggregateId":"d-1/pilot/x","actorRole":"superintendent"},
                  {"eventId":"p1","at":"2026-03-05T08:00:00Z","service":"pilot","districtId":"d-1","eventType":"PilotLaunched","summary":"Pilot launched","aggregateType":"Pilot","aggregateId":"d-1/pilot/x","actorRole":"district-staff"}],
                 "page":0,"size":3,"total":2}""");
        URI dead;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api/partnerships");
        }
        DistrictTimeline timeline = new DistrictTimeline(WebClient.builder(), new TimelineProperties(List.of(
                new TimelineProperties.Source("vision", vision), new TimelineProperties.Source("pilot", pilots),
                new TimelineProperties.Source("partnership", dead)),
                Duration.ofSeconds(30))); // generous: this machine can be slow; the time limit has its own test

        DistrictTimeline.Timeline all = timeline.timeline("d-1", null, 10).block();
        assertThat(all.entries()).extracting(TimelineEntry::eventId).containsExactly("p2", "v2", "p1", "v1");
        assertThat(all.entries()).extracting(TimelineEntry::service).contains("vision", "pilot");
        assertThat(all.unavailable()).containsExactly("partnership");
        assertThat(all.next()).isNull();

        DistrictTimeline.Timeline firstTwo = timeline.timeline("d-1", Instant.parse("2026-04-01T00:00:00Z"), 2).block();
        assertThat(firstTwo.entries()).extracting(TimelineEntry::eventId).containsExactly("p2", "v2");
        assertThat(firstTwo.next()).isEqualTo(Instant.parse("2026-03-12T10:00:00Z"));
        assertThat(queries).contains("/api/vision/public/districts/d-1/audit/entries?size=2&to=2026-04-01T00:00:00Z");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsLeftOutAndNamed() throws Exception {
        ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress()); // accepts, never answers
        sockets.add(silent);
        DistrictTimeline timeline = new DistrictTimeline(WebClient.builder(), new TimelineProperties(List.of(
                new TimelineProperties.Source("pd", URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/api/pd"))),
                Duration.ofMillis(500)));

        DistrictTimeline.Timeline result = timeline.timeline("d-1", null, 10).block();
        assertThat(result.entries()).isEmpty();
        assertThat(result.unavailable()).containsExactly("pd");
    }

    private URI feed(String name, String json) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "/api/" + (name.equals("pilot") ? "pilots" : name);
        server.createContext(base + "/", exchange -> {
            try (exchange) {
                queries.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + base);
    }
}
