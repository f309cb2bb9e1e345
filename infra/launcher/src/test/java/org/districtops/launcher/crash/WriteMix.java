package org.districtops.launcher.crash;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady write load through the gateway, as staff would produce it: plans with a first goal, goals, educators,
 * badges, awards (vision and pd), partners (partnership) and pilot proposals (pilot), from several client threads
 * with the demo accounts' tokens. Every request carries a unique marker in its payload; every 2xx answer is
 * recorded with the identifier it returned, so the event store can be searched for each acknowledged write.
 */
final class WriteMix {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DISTRICT = "demo-district";

    enum Kind {
        PLAN("vision", "planId"), GOAL("vision", "goalId"), EDUCATOR("pd", "educatorId"), BADGE("pd", "badgeId"),
        AWARD("pd", "awardId"), PARTNER("partnership", "partnerId"), PILOT("pilot", "pilotId");

        final String service;
        final String idField;

        Kind(String service, String idField) {
            this.service = service;
            this.idField = idField;
        }

        /** Whether the marker is part of the stored event (an educator's name goes to the personal-data store). */
        boolean markerInEvent() {
            return this != EDUCATOR;
        }
    }

    /** One request that was sent: what, its marker, the round, and the answer (status -1: no answer). */
    record Sent(Kind kind, String marker, int round, int status, String id, String error) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String gateway;
    private final long seed;
    private volatile Map<String, String> tokens;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<String> plans = new CopyOnWriteArrayList<>();
    /** Award candidates: educator and badge both acknowledged and projected (checked after a converged round). */
    private final ConcurrentLinkedQueue<String[]> awardable = new ConcurrentLinkedQueue<>();
    private final List<String> educatorsInUse = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong counter = new AtomicLong();
    private AtomicBoolean running;
    private List<Thread> threads = List.of();

    WriteMix(String gateway, long seed) {
        this.gateway = gateway;
        this.seed = seed;
    }

    /**
     * Fresh tokens (the gateway's demo token endpoint) for the accounts the mix writes as, and for the platform
     * operator, the only role allowed to start a read-side rebuild.
     */
    void signIn() throws Exception {
        tokens = Map.of("superintendent", token("superintendent"), "pdstaff", token("pdstaff"),
                "operator", token("operator"));
    }

    private String token(String user) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/auth/token"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + user + "&password=demo"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token for " + user + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asString();
    }

    String superintendentToken() {
        return tokens.get("superintendent");
    }

    String operatorToken() {
        return tokens.get("operator");
    }

    /** Starts {@code clients} threads that each send the next command as soon as the last one was answered. */
    void start(int clients, int round) {
        running = new AtomicBoolean(true);
        AtomicBoolean flag = running;
        List<Thread> started = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(seed * 31 + round * 1009L + c);
            Thread t = new Thread(() -> {
                while (flag.get()) {
                    Sent s = sendOne(random, round);
                    sent.add(s);
                    if (!s.acknowledged()) {
                        pause(200); // the service is down or restarting: don't spin on fast 503s
                    }
                }
            }, "write-load-" + c);
            t.setDaemon(true);
            t.start();
            started.add(t);
        }
        threads = started;
    }

    /** Stops the clients and waits for their last requests to be answered (or to time out). */
    void stop() throws InterruptedException {
        if (running != null) {
            running.set(false);
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<Sent> acknowledged() {
        return sent.stream().filter(Sent::acknowledged).toList();
    }

    /**
     * After a converged round every acknowledged educator and badge is in the read side, so each educator not
     * awarded yet can be awarded one of the badges in the next rounds.
     */
    void refillAwards(Random random) {
        List<String> badges = acknowledged().stream().filter(s -> s.kind() == Kind.BADGE).map(Sent::id).toList();
        if (badges.isEmpty()) {
            return;
        }
        for (Sent s : acknowledged()) {
            if (s.kind() == Kind.EDUCATOR && !educatorsInUse.contains(s.id())) {
                educatorsInUse.add(s.id());
                awardable.add(new String[]{s.id(), badges.get(random.nextInt(badges.size()))});
            }
        }
    }

    private Sent sendOne(Random random, int round) {
        int dice = random.nextInt(100);
        Kind kind = dice < 15 ? Kind.PLAN : dice < 33 ? Kind.GOAL : dice < 48 ? Kind.EDUCATOR : dice < 58 ? Kind.BADGE
                : dice < 73 ? Kind.AWARD : dice < 88 ? Kind.PARTNER : Kind.PILOT;
        if (kind == Kind.GOAL && plans.isEmpty()) {
            kind = Kind.PLAN;
        }
        String[] award = kind == Kind.AWARD ? awardable.poll() : null;
        if (kind == Kind.AWARD && award == null) {
            kind = Kind.BADGE;
        }
        String marker = "crash-r" + round + "-" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String d = "/districts/" + DISTRICT;
        String path;
        String body;
        String token = tokens.get("superintendent");
        switch (kind) {
            case PLAN -> {
                path = "/api/vision" + d + "/plans";
                body = """
                        {"title":"%s","startYear":2025,"endYear":2030,
                         "firstGoal":{"title":"%s/goal","conditions":["INSTRUCTION"]}}""".formatted(marker, marker);
            }
            case GOAL -> {
                path = "/api/vision" + d + "/plans/" + plans.get(random.nextInt(plans.size())) + "/goals";
                body = "{\"title\":\"" + marker + "\",\"conditions\":[\"PARTNERSHIPS\"]}";
            }
            case EDUCATOR -> {
                path = "/api/pd" + d + "/educators";
                body = """
                        {"givenName":"Crash","familyName":"%s","email":"%s@example.org","schoolIds":["school-1"]}"""
                        .formatted(marker, marker);
                token = tokens.get("pdstaff");
            }
            case BADGE -> {
                path = "/api/pd" + d + "/badges";
                body = "{\"name\":\"" + marker + "\",\"description\":\"d\",\"criteria\":\"c\",\"pdHours\":3}";
                token = tokens.get("pdstaff");
            }
            case AWARD -> {
                path = "/api/pd" + d + "/badges/" + award[1] + "/awards";
                body = "{\"educatorId\":\"" + award[0] + "\",\"evidence\":{\"text\":\"" + marker + "\"}}";
                token = tokens.get("pdstaff");
            }
            case PARTNER -> {
                path = "/api/partnerships" + d + "/partners";
                body = "{\"name\":\"" + marker + "\",\"type\":\"BUSINESS\"}";
            }
            default -> {
                path = "/api/pilots" + d + "/pilots";
                body = """
                        {"title":"%s","gap":"Grade 4 math gap","students":"Grade 4 students","modelType":"STATION_ROTATION",
                         "modelName":"Station rotation","schoolLevel":"ELEMENTARY","schools":["Jefferson ES"],"classrooms":6,
                         "cohortSize":140,"start":"2026-01-05","end":"2026-06-15","goalIds":[]}""".formatted(marker);
            }
        }
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String id = null;
            if (r.statusCode() >= 200 && r.statusCode() < 300) {
                JsonNode answer = JSON.readTree(r.body());
                id = answer.path(kind.idField).asString(null);
                if (id == null) {
                    return new Sent(kind, marker, round, -2, null, "2xx without " + kind.idField + ": " + r.body());
                }
                if (kind == Kind.PLAN) {
                    plans.add(id);
                }
            }
            return new Sent(kind, marker, round, r.statusCode(), id,
                    r.statusCode() >= 300 ? abbreviate(r.body()) : null);
        } catch (Exception e) {
            return new Sent(kind, marker, round, -1, null, e.getClass().getSimpleName());
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
