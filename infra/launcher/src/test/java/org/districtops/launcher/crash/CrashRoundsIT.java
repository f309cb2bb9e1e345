package org.districtops.launcher.crash;

import org.districtops.launcher.crash.EventStoreCheck.StoredEvent;
import org.districtops.launcher.crash.ReadSideCheck.Service;
import org.districtops.testsupport.LaunchedPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash rounds (issue 10): under a steady write load through the gateway, kill -9 one service (the launcher
 * restarts it) or the whole platform (every process, PostgreSQL included; the harness starts it again) at a random
 * moment. After each round: every acknowledged write is in the event store, no command is half-applied, event
 * sequences have no gaps, the event chains verify, and the killed service's live read models (every service's after
 * a platform kill and in the last round; all every round with {@code -Dcrash.compareAll=true}) equal a full replay.
 *
 * <p>CI: 3 rounds (2 service kills, 1 platform kill). Full: {@code -Dcrash.rounds=20} (profile {@code reliability-full});
 * replay a schedule with {@code -Dcrash.seed=S}. Figures go to target/crash-rounds.txt and docs/reliability.md.
 */
class CrashRoundsIT {

    private static final Logger log = LoggerFactory.getLogger(CrashRoundsIT.class);
    private static final List<Service> SERVICES = List.of(
            new Service("vision-service", "vision", "/api/vision", "DOP_VISION_PORT"),
            new Service("pilot-service", "pilot", "/api/pilots", "DOP_PILOT_PORT"),
            new Service("pd-service", "pd", "/api/pd", "DOP_PD_PORT"),
            new Service("partnership-service", "partnership", "/api/partnerships", "DOP_PARTNERSHIP_PORT"));
    private static final List<String> PORTS = List.of("DOP_AUTH_PORT", "DOP_GATEWAY_PORT", "DOP_VISION_PORT",
            "DOP_PILOT_PORT", "DOP_PD_PORT", "DOP_PARTNERSHIP_PORT", "DOP_POSTGRES_PORT", "DOP_MONGO_PORT");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    static Path data;
    private static LaunchedPlatform platform;

    private record Round(int number, String killed, double secondsUnderLoadBeforeKill, double restartSeconds,
                         long sent, long acknowledged, long lostSoFar, int halfApplied, int mismatches) {
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void acknowledgedWritesSurviveKillNineOfServicesAndOfTheWholePlatform() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 3);
        long seed = Long.getLong("crash.seed", System.currentTimeMillis());
        int clients = Integer.getInteger("crash.clients", 4);
        Random random = new Random(seed);
        List<String> schedule = schedule(rounds, random);
        log.info("Crash rounds: {} rounds, seed {} (replay with -Dcrash.seed={}), {} clients, schedule {}", rounds,
                seed, seed, clients, schedule);

        platform = LaunchedPlatform.prepare(data);
        double firstStart = platform.start();
        log.info("Platform ready in {} s", fmt(firstStart));
        WriteMix load = new WriteMix(platform.gateway(), seed);
        EventStoreCheck store = new EventStoreCheck(platform.port("DOP_POSTGRES_PORT"));
        List<Round> done = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (ReadSideCheck readSide = new ReadSideCheck(platform.port("DOP_MONGO_PORT"))) {
            for (int r = 1; r <= rounds; r++) {
                String target = schedule.get(r - 1);
                load.signIn();
                int sentBefore = load.sent().size();
                long ackBefore = load.acknowledged().size();
                load.start(clients, r);
                double underLoad = 2 + random.nextDouble() * 6; // a random moment, 2 to 8 s into the load
                Thread.sleep((long) (underLoad * 1000));
                double restart;
                if (target.equals("platform")) {
                    long t0 = System.nanoTime();
                    log.info("Round {}: kill -9 of the whole platform after {} s of load", r, fmt(underLoad));
                    platform.killEverythingHard();
                    load.stop();
                    for (String port : PORTS) {
                        LaunchedPlatform.awaitPortFree(platform.port(port));
                    }
                    platform.start();
                    restart = (System.nanoTime() - t0) / 1e9;
                    load.signIn();
                    load.start(clients, r);
                } else {
                    Service service = service(target);
                    long oldPid = platform.pid(target);
                    log.info("Round {}: kill -9 of {} (pid {}) after {} s of load", r, target, oldPid, fmt(underLoad));
                    long t0 = System.nanoTime();
                    ProcessHandle.of(oldPid).orElseThrow().destroyForcibly();
                    awaitRestarted(service, oldPid);
                    restart = (System.nanoTime() - t0) / 1e9;
                }
                log.info("Round {}: {} back in {} s; load goes on for a moment", r, target, fmt(restart));
                Thread.sleep(1000 + random.nextInt(2000));
                load.stop();

                // 1. every acknowledged write is in the event store; 2. nothing half-applied
                Map<String, List<StoredEvent>> events = new LinkedHashMap<>();
                List<String> roundProblems = new ArrayList<>();
                for (Service s : SERVICES) {
                    events.put(shortName(s), store.events(s.database()));
                    store.sequenceGaps(s.database()).forEach(g -> roundProblems.add("sequence gap " + g));
                }
                List<WriteMix.Sent> lost = EventStoreCheck.lost(load.acknowledged(), events);
                lost.forEach(l -> roundProblems.add("acknowledged write lost: " + l));
                List<String> half = EventStoreCheck.halfAppliedPlans(load.sent(), events.get("vision"));
                half.forEach(h -> roundProblems.add("half-applied: " + h));
                load.sent().stream().filter(s -> s.status() == -2).forEach(s -> roundProblems.add("2xx without id: " + s));

                // 3. the event chain verifies; 4. after convergence the read models equal a full replay
                // the killed service's read side (every service's after a platform kill and in the last round)
                int mismatches = 0;
                boolean all = target.equals("platform") || r == rounds || Boolean.getBoolean("crash.compareAll");
                for (Service s : SERVICES) {
                    if (!all && !s.name().equals(target)) {
                        continue;
                    }
                    String base = base(s);
                    readSide.awaitCaughtUp(base, Duration.ofMinutes(3));
                    JsonNode chain = verifyChain(base, load.superintendentToken());
                    if (!chain.path("clean").asBoolean()) {
                        roundProblems.add(s.name() + " event chain broken: " + chain);
                    }
                    List<String> differences = readSide.compareWithReplay(s, base, load.operatorToken());
                    mismatches += differences.size();
                    differences.stream().limit(20).forEach(d -> roundProblems.add("read model differs from replay: " + d));
                }
                List<WriteMix.Sent> roundSent = load.sent().subList(sentBefore, load.sent().size());
                Round round = new Round(r, target, underLoad, restart, roundSent.size(),
                        load.acknowledged().size() - ackBefore, lost.size(), half.size(), mismatches);
                done.add(round);
                log.info("Round {} ({}): {} requests, {} acknowledged, {} applied without an answer; lost so far {}, "
                                + "half-applied {}, read-model mismatches {}; answers {}", r, target, round.sent(),
                        round.acknowledged(), EventStoreCheck.appliedWithoutAnswer(roundSent, events), lost.size(),
                        half.size(), mismatches, statuses(roundSent));
                for (String p : roundProblems) {
                    log.error("Round {}: {}", r, p);
                    problems.add("round " + r + ": " + p);
                }
                load.refillAwards(random);
            }
        } finally {
            load.stop();
            report(seed, clients, firstStart, done, load, problems);
        }
        assertThat(done).hasSize(rounds);
        assertThat(load.acknowledged()).as("acknowledged writes").isNotEmpty();
        assertThat(load.acknowledged().stream().map(s -> s.kind().service).distinct())
                .as("services written to").contains("vision", "pd", "partnership", "pilot");
        assertThat(problems).as("lost, half-applied or diverged (seed %d)", seed).isEmpty();
    }

    /** At least one whole-platform kill, one in four rounds ({@code crash.platformEvery}); the rest a random service. */
    private static List<String> schedule(int rounds, Random random) {
        List<String> schedule = new ArrayList<>();
        int platformKills = Math.max(1, rounds / Integer.getInteger("crash.platformEvery", 4));
        for (int i = 0; i < rounds; i++) {
            schedule.add(i < platformKills ? "platform" : SERVICES.get(random.nextInt(SERVICES.size())).name());
        }
        Collections.shuffle(schedule, random);
        return schedule;
    }

    /** The launcher restarts the killed child: a new pid in its pid file and the readiness probe answering 200. */
    private static void awaitRestarted(Service service, long oldPid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        URI readiness = URI.create(base(service) + "/actuator/health/readiness");
        while (System.nanoTime() < deadline) {
            long pid = -1;
            try {
                pid = platform.pid(service.name());
            } catch (Exception e) {
                // being rewritten
            }
            if (pid > 0 && pid != oldPid) {
                try {
                    if (HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (java.io.IOException notYet) {
                    // starting
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(service.name() + " was not restarted by the launcher within 5 minutes");
    }

    private static JsonNode verifyChain(String base, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/audit/verify"))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(base + " /audit/verify: " + r.body()).isEqualTo(200);
        return WriteMix.JSON.readTree(r.body());
    }

    private static void report(long seed, int clients, double firstStart, List<Round> rounds, WriteMix load,
                               List<String> problems) throws Exception {
        List<WriteMix.Sent> acked = load.acknowledged();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Crash rounds: %d survived, seed %d, %d clients, first start %.1f s%n",
                rounds.size(), seed, clients, firstStart));
        out.append(String.format(Locale.ROOT, "requests %d, acknowledged %d (%s), answers %s%n", load.sent().size(),
                acked.size(), acked.stream().collect(Collectors.groupingBy(s -> s.kind().name(), TreeMap::new,
                        Collectors.counting())), statuses(load.sent())));
        out.append(String.format(Locale.ROOT, "acknowledged writes lost %d, half-applied %d, read-model mismatches %d%n",
                rounds.isEmpty() ? 0 : rounds.get(rounds.size() - 1).lostSoFar(),
                rounds.stream().mapToInt(Round::halfApplied).max().orElse(0),
                rounds.stream().mapToInt(Round::mismatches).sum()));
        for (String kind : List.of("platform", "service")) {
            List<Double> times = rounds.stream().filter(r -> kind.equals("platform") == r.killed().equals("platform"))
                    .map(Round::restartSeconds).sorted().toList();
            if (!times.isEmpty()) {
                out.append(String.format(Locale.ROOT, "%s kill -> ready: %d rounds, min %.1f s, median %.1f s, max %.1f s%n",
                        kind, times.size(), times.get(0), times.get(times.size() / 2), times.get(times.size() - 1)));
            }
        }
        for (Round r : rounds) {
            out.append(String.format(Locale.ROOT, "  round %2d  %-20s killed after %4.1f s, back in %5.1f s, %4d requests, %4d acked%n",
                    r.number(), r.killed(), r.secondsUnderLoadBeforeKill(), r.restartSeconds(), r.sent(), r.acknowledged()));
        }
        // answers other than success, the fallback 503 and no answer: worth reading (they are not failures)
        load.sent().stream().filter(s -> !s.acknowledged() && s.status() != 503 && s.status() != -1).limit(20)
                .forEach(s -> out.append("  other answer: ").append(s).append('\n'));
        problems.forEach(p -> out.append("PROBLEM ").append(p).append('\n'));
        Path file = Path.of(System.getProperty("crash.report", "target/crash-rounds.txt"));
        Files.writeString(file, out);
        log.info("Crash rounds report ({}):\n{}", file.toAbsolutePath(), out);
    }

    private static Map<Integer, Long> statuses(List<WriteMix.Sent> sent) {
        return sent.stream().collect(Collectors.groupingBy(WriteMix.Sent::status, TreeMap::new, Collectors.counting()));
    }

    private static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static String shortName(Service s) {
        return s.database();
    }

    private static String base(Service s) {
        return "http://127.0.0.1:" + platform.port(s.portVariable()) + s.contextPath();
    }

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }
}
