package org.districtops.vision.query;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import com.mongodb.client.MongoDatabase;
import org.districtops.embedded.EmbeddedPostgresServer;
import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.ProjectionReplay;
import org.districtops.testsupport.TestStores;
import org.districtops.testsupport.TestTokens;
import org.districtops.vision.VisionServiceApplication;
import org.districtops.vision.api.FindPublicPlans;
import org.districtops.vision.api.PublicPlanView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.districtops.testsupport.ObservabilityFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out on one machine: two instances of vision-service (two application contexts with their own web server,
 * command bus and processors) against the same PostgreSQL event store and the same MongoDB read side. Their
 * processors coordinate only through the claims in the Mongo token store, as two hosts would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstanceScaleOutIT {

    private static final Logger log = LoggerFactory.getLogger(TwoInstanceScaleOutIT.class);
    private static final String DATABASE = "vision_scaleout_it";
    private static final int SEGMENTS = 4;
    private static final long CLAIM_TIMEOUT_MS = 3_000;
    private static final long CLAIM_INTERVAL_MS = 300;
    private static final Pattern CLAIMED = Pattern.compile(
            "^dop_processor_segment_claimed\\{([^}]*)} ([0-9.]+)$", Pattern.MULTILINE);

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    private final String district = "scale-" + UUID.randomUUID().toString().substring(0, 8);
    private final String superintendent = TestTokens.token("sup-1", district, "superintendent");

    @BeforeAll
    static void startTwoInstances() {
        a = start("vision-a");
        b = start("vision-b"); // starts while a holds every segment: the segments must move
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null && a.isActive()) {
            a.close();
        }
    }

    private static ConfigurableApplicationContext start(String instance) {
        EmbeddedPostgresServer pg = TestStores.postgres();
        try {
            pg.createDatabases(List.of(DATABASE));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", pg.jdbcUrl(DATABASE));
        properties.put("spring.datasource.username", pg.username());
        properties.put("spring.datasource.password", pg.password());
        properties.put("spring.mongodb.uri", TestStores.mongoUri());
        properties.put("dop.read-side.database", DATABASE);
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri());
        properties.put("dop.security.jwt-issuer", TestTokens.ISSUER);
        properties.put("dop.processing.instance-id", instance);
        properties.put("dop.processing.segments", SEGMENTS);
        properties.put("dop.processing.claim-timeout", CLAIM_TIMEOUT_MS + "ms");
        properties.put("dop.processing.token-claim-interval", CLAIM_INTERVAL_MS + "ms");
        // two contexts in one JVM: keep their JMX and metrics registries apart
        properties.put("spring.jmx.enabled", "false");
        properties.put("management.metrics.use-global-registry", "false");
        // as command-line arguments: they win over the service's own application.yml, as a deployment's settings do
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(VisionServiceApplication.class).run(args);
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new ApiClient("http://localhost:" + port + "/api/vision");
    }

    /** Runs after the scale-out test, when instance b has handled commands, events, a take-over and a replay. */
    @Test
    @Order(2)
    void theDashboardsAndAlertRulesNameOnlyMetricsARunningServiceExposes() throws Exception {
        String scrape = api(b).get("/actuator/prometheus", null).body();
        Files.writeString(Path.of("target/vision-service-scrape.txt"), scrape); // for whoever edits the dashboards
        assertThat(scrape).contains("service=\"vision-service\"", "instance=\"vision-b\"");
        ObservabilityFiles.assertReferencedMetricsExposed(scrape, name -> !ObservabilityFiles.gatewayMetric(name));
    }

    /** The gateway forwards a traceparent (TracePropagationIT); here it reaches command handling and the events. */
    @Test
    @Order(3)
    void aRequestsTraceContinuesIntoCommandHandlingAndTheEventsItAppends() throws Exception {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                        + ((WebServerApplicationContext) b).getWebServer().getPort() + "/api/vision/districts/" + district + "/plans"))
                .header("Authorization", "Bearer " + superintendent)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + trace + "-b7ad6b7169203331-01")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"Traced\",\"startYear\":2025,\"endYear\":2030,\"firstGoal\":{\"title\":\"Goal\"}}"))
                .build();
        HttpResponse<String> created = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        String planId = ApiClient.body(created, 201).get("planId").asString();
        List<String> metadata = b.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForList(
                "select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class, district + "/plan/" + planId);
        assertThat(metadata).hasSize(2).allSatisfy(m -> assertThat(m).containsPattern(
                "\"traceparent\":\"00-" + trace + "-[0-9a-f]{16}-0[01]\""));
    }

    @Test
    @Order(1)
    void twoInstancesShareCommandsAndSegmentsAndOneTakesOverWhenTheOtherStops() throws Exception {
        ApiClient apiA = api(a);
        ApiClient apiB = api(b);

        // commands through either instance land in the one event store
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ApiClient via = i % 2 == 0 ? apiA : apiB;
            JsonNode created = ApiClient.body(via.post("/districts/" + district + "/plans", superintendent,
                    "{\"title\":\"Plan " + i + "\",\"startYear\":2025,\"endYear\":2030,\"firstGoal\":{\"title\":\"Goal\"}}"), 201);
            plans.add(created.get("planId").asString());
        }

        // optimistic concurrency across instances: two changes based on the same version, sent at the same
        // time to different instances: exactly one wins, the other is a 409
        String plan = plans.get(0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> racing = new ArrayList<>();
        for (ApiClient via : List.of(apiA, apiB)) {
            racing.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                go.await();
                return via.send("POST", "/districts/" + district + "/plans/" + plan + "/goals", superintendent, "\"1\"",
                        "{\"title\":\"Concurrent goal\"}");
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> f : racing) {
            statuses.add(f.get().statusCode());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        // and a stale version sent to the instance that did not make the change is a 409 too
        HttpResponse<String> stale = apiB.send("POST", "/districts/" + district + "/plans/" + plan + "/goals",
                superintendent, "\"1\"", "{\"title\":\"Stale goal\"}");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        // the processors' segments are split between the two instances, as their metrics show
        Map<String, Map<Integer, String>> owners = awaitOwners(apiA, apiB,
                o -> !o.isEmpty() && o.values().stream().allMatch(s -> s.size() == SEGMENTS
                        && new HashSet<>(s.values()).equals(Set.of("vision-a", "vision-b"))), 30_000);
        log.info("Segment owners with two instances: {}", owners);

        // both read models agree with what was commanded, wherever the events were processed
        // (every plan was created with its first goal; wait until each one's goal is applied too)
        List<PublicPlanView> views = awaitPlans(b, v -> v.size() == 8
                && v.stream().allMatch(p -> !p.goals().isEmpty())
                && v.stream().filter(p -> p.planId().equals(plan)).allMatch(p -> p.goals().size() == 2));
        assertThat(projection(a).handle(new FindPublicPlans(district))).isEqualTo(views);

        // one instance stops: the other takes over every segment within the claim timeout
        long closing = System.nanoTime();
        a.close(); // a graceful stop: processors release their claims, the heartbeat is removed
        long stopped = System.nanoTime();
        log.info("Instance a stopped in {} ms", (stopped - closing) / 1_000_000);
        Map<String, Map<Integer, String>> after = awaitOwners(null, apiB,
                o -> !o.isEmpty() && o.values().stream().allMatch(s -> s.size() == SEGMENTS
                        && new HashSet<>(s.values()).equals(Set.of("vision-b"))), CLAIM_TIMEOUT_MS + 2 * CLAIM_INTERVAL_MS);
        long handOverMs = (System.nanoTime() - stopped) / 1_000_000;
        log.info("Instance b held every segment {} ms after instance a stopped: {}", handOverMs, after);
        assertThat(handOverMs).isLessThanOrEqualTo(CLAIM_TIMEOUT_MS + 2 * CLAIM_INTERVAL_MS);

        // work goes on through the remaining instance
        ApiClient.body(apiB.send("POST", "/districts/" + district + "/plans/" + plans.get(1) + "/goals", superintendent,
                null, "{\"title\":\"After failover\"}"), 201);
        List<PublicPlanView> current = awaitPlans(b, v -> v.stream()
                .filter(p -> p.planId().equals(plans.get(1))).allMatch(p -> p.goals().size() == 2));

        // nothing was applied twice with a different result: a full replay from the event store gives the same view
        StreamingEventProcessor processor = b.getBean(EventProcessingConfiguration.class)
                .eventProcessor(PublicPlanProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        MongoDatabase readSide = b.getBean(MongoDatabase.class);
        ProjectionReplay.replay(processor, () -> readSide.getCollection(PublicPlanProjection.COLLECTION).drop());
        List<PublicPlanView> replayed = awaitPlans(b, v -> v.size() == 8 && ProjectionReplay.caughtUp(processor)
                && processor.processingStatus().size() == SEGMENTS);
        assertThat(replayed).isEqualTo(current);
    }

    private static PublicPlanProjection projection(ConfigurableApplicationContext context) {
        return context.getBean(PublicPlanProjection.class);
    }

    private List<PublicPlanView> awaitPlans(ConfigurableApplicationContext context,
                                            java.util.function.Predicate<List<PublicPlanView>> done) throws Exception {
        return ProjectionReplay.await(() -> projection(context).handle(new FindPublicPlans(district)), done);
    }

    /**
     * Per processor, per segment: the instance whose /actuator/prometheus says it holds it, read until
     * {@code done} holds; fails when a segment is claimed by both instances at once.
     */
    private static Map<String, Map<Integer, String>> awaitOwners(ApiClient apiA, ApiClient apiB,
                                                                 java.util.function.Predicate<Map<String, Map<Integer, String>>> done,
                                                                 long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        Map<String, Map<Integer, String>> owners = Map.of();
        do {
            owners = new TreeMap<>();
            for (ApiClient api : new ApiClient[]{apiA, apiB}) {
                if (api == null) {
                    continue;
                }
                HttpResponse<String> scrape = api.get("/actuator/prometheus", null);
                assertThat(scrape.statusCode()).isEqualTo(200);
                Matcher m = CLAIMED.matcher(scrape.body());
                while (m.find()) {
                    if (Double.parseDouble(m.group(2)) < 1) {
                        continue;
                    }
                    Map<String, String> tags = tags(m.group(1));
                    String previous = owners.computeIfAbsent(tags.get("processor"), p -> new TreeMap<>())
                            .put(Integer.parseInt(tags.get("segment")), tags.get("instance"));
                    assertThat(previous).as("segment %s of %s claimed twice", tags.get("segment"), tags.get("processor"))
                            .isNull();
                }
            }
            if (done.test(owners)) {
                return owners;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Segments did not reach the expected owners within " + timeoutMs + " ms: " + owners);
    }

    private static Map<String, String> tags(String labels) {
        Map<String, String> tags = new HashMap<>();
        for (String pair : labels.split(",")) {
            int eq = pair.indexOf('=');
            tags.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
        }
        return tags;
    }
}
