package org.districtops.bench;

import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Public opportunity board searches against a running platform (loopback only): a district with many published
 * listings (10,000 by default) beside a small district of 100 listings, the same searches sent straight to
 * partnership-service, and a static file from the gateway, all in one run. Seeds both districts through the
 * gateway first (draft, submit, approve: three commands a listing), showing progress.
 *
 * <p>Usage: {@code BoardSearchLoad [gatewayUrl] [partnershipUrl] [listings] [seconds per scenario] [concurrency]};
 * see docs/benchmarks.md.
 */
public final class BoardSearchLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String[] TYPES = {"INTERNSHIP", "MENTORSHIP", "JOB_SHADOW", "APPRENTICESHIP",
            "SERVICE_LEARNING", "WORK_BASED_PROJECT", "GUEST_SPEAKER"};
    private static final String[] PATHWAYS = {"Health", "Manufacturing", "IT", "Education", "Agriculture",
            "Finance", "Arts", "Construction", "Hospitality", "Public Service"};

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String partnership = args.length > 1 ? args[1] : "http://127.0.0.1:8084";
        int listings = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        // "measure-only": the board was seeded by an earlier run that stopped waiting for it; measure the full board
        boolean measureOnly = args.length > 5 && args[5].equals("measure-only");
        ClosedLoop.requireLoopback(gateway);
        ClosedLoop.requireLoopback(partnership);

        // Demo accounts act for demo-district only: measure its board at 100 listings, then grow it to the full
        // count and measure again, in the same run.
        String district = "demo-district";
        Map<String, String> searches = new LinkedHashMap<>();
        searches.put("first page, no filter", "");
        searches.put("type + grade", "?type=INTERNSHIP&grade=11");
        searches.put("pathway + paid + remote", "?pathway=Health&paid=true&remote=false");
        searches.put("text search", "?q=robotics");
        String path = "/api/partnerships/public/districts/" + district + "/opportunities";
        List<ClosedLoop.Result> results = new ArrayList<>();
        results.add(measure("static file via gateway (floor)", gateway + "/index.html", seconds, concurrency));
        if (measureOnly) {
            awaitBoard(gateway, district, listings);
        } else {
            String partner = seed(gateway, district, null, 0, 100, concurrency);
            for (Map.Entry<String, String> search : searches.entrySet()) {
                results.add(measure(search.getKey() + ", 100 listings, via gateway",
                        gateway + path + search.getValue(), seconds, concurrency));
            }
            seed(gateway, district, partner, 100, listings, concurrency);
        }
        for (Map.Entry<String, String> search : searches.entrySet()) {
            results.add(measure(search.getKey() + ", " + listings + " listings, direct",
                    partnership + path + search.getValue(), seconds, concurrency));
            results.add(measure(search.getKey() + ", " + listings + " listings, via gateway",
                    gateway + path + search.getValue(), seconds, concurrency));
        }
        System.out.printf(Locale.ROOT, "%n| scenario | requests/s | p50 ms | p99 ms | errors |%n|---|---:|---:|---:|---:|%n");
        for (ClosedLoop.Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d |%n", r.scenario(), r.perSecond(),
                    r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.errors());
        }
        System.out.printf(Locale.ROOT, "%n| search | p99 %d ÷ p99 100 listings (via gateway) | p99 via gateway ÷ direct |%n"
                + "|---|---:|---:|%n", listings);
        int large = measureOnly ? 1 : 1 + searches.size();
        for (int i = 0; i < searches.size(); i++) {
            ClosedLoop.Result smallRun = measureOnly ? results.get(0) : results.get(1 + i);
            ClosedLoop.Result direct = results.get(large + 2 * i);
            ClosedLoop.Result viaGateway = results.get(large + 1 + 2 * i);
            System.out.printf(Locale.ROOT, "| %s | %.2f× | %.2f× |%n", searches.keySet().toArray()[i],
                    (double) viaGateway.p99Micros() / smallRun.p99Micros(),
                    (double) viaGateway.p99Micros() / direct.p99Micros());
        }
        System.out.printf("concurrency %d, %d s per scenario, %d cores%n", concurrency, seconds,
                Runtime.getRuntime().availableProcessors());
    }

    private static ClosedLoop.Result measure(String name, String url, int seconds, int concurrency) throws Exception {
        ClosedLoop.run(name, url, 2, concurrency, false); // warm-up
        return ClosedLoop.run(name, url, seconds, concurrency, true);
    }

    /**
     * Listings {@code from} (inclusive) to {@code count} (exclusive) drafted, submitted and approved by staff for a
     * partner in good standing (onboarded first when {@code partner} is null); returns the partner id.
     */
    static String seed(String gateway, String district, String existingPartner, int from, int count, int concurrency)
            throws Exception {
        String staff = Http.token(gateway, "planner");
        String base = gateway + "/api/partnerships/districts/" + district;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (existingPartner != null) {
            return seedListings(gateway, district, base, staff, existingPartner, from, count, concurrency, today);
        }
        String partner = JSON.readTree(Http.send(base + "/partners", staff, "application/json",
                "{\"name\":\"Bench Partner\",\"type\":\"BUSINESS\"}")).get("partnerId").asString();
        send("PUT", base + "/partners/" + partner + "/agreement", staff,
                "{\"start\":\"" + today + "\",\"end\":\"" + today.plusYears(1) + "\"}");
        String later = today.plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        for (String type : new String[]{"LIABILITY_INSURANCE", "BACKGROUND_CHECKS"}) {
            Http.send(base + "/partners/" + partner + "/attestations", staff, "application/json",
                    "{\"type\":\"" + type + "\",\"expiresAt\":\"" + later + "\",\"reference\":\"BENCH\"}");
        }
        return seedListings(gateway, district, base, staff, partner, from, count, concurrency, today);
    }

    private static String seedListings(String gateway, String district, String base, String staff, String partner,
                                       int from, int count, int concurrency, LocalDate today) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    String listing = JSON.readTree(Http.send(base + "/partners/" + partner + "/listings", staff,
                            "application/json", listingJson(i, today))).get("listingId").asString();
                    Http.send(base + "/listings/" + listing + "/submission", staff, "application/json", "");
                    Http.send(base + "/listings/" + listing + "/approval", staff, "application/json", "");
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        while (workers.stream().anyMatch(f -> !f.isDone())) {
            Thread.sleep(2000);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "  seeding %s: %d / %d listings, %.0f commands/s%n", district,
                    from + done.get(), count, 3 * done.get() / elapsed);
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        awaitBoard(gateway, district, count);
        System.out.printf(Locale.ROOT, "Seeded %s with %d listings in %.1f s%n", district, count - from,
                (System.nanoTime() - t0) / 1e9);
        return partner;
    }

    /** Waits (up to 10 minutes, with progress) until the public board shows {@code count} listings. */
    static void awaitBoard(String gateway, String district, int count) throws Exception {
        String board = gateway + "/api/partnerships/public/districts/" + district + "/opportunities?size=1";
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(board)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // X-Total-Count when the board pages; the array's length on a board that answers everything at once
            String total = response.statusCode() != 200 ? "0" : response.headers().firstValue("X-Total-Count")
                    .orElseGet(() -> Integer.toString(JSON.readTree(response.body()).size()));
            if (Integer.parseInt(total) == count) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Board of " + district + " shows " + total + " of " + count);
            }
            System.out.printf("  waiting for the board's read model: %s of %d%n", total, count);
            Thread.sleep(2000);
        }
    }

    /** Deterministic variety: every type, ten pathways, paid/remote mixes, grade bands, one in 50 about robotics. */
    static String listingJson(int i, LocalDate today) {
        String type = TYPES[i % TYPES.length];
        String pathway = PATHWAYS[(i / 7) % PATHWAYS.length];
        boolean paid = i % 3 == 0;
        boolean remote = i % 5 == 0;
        int gradeMin = 9 + i % 3;
        String topic = i % 50 == 0 ? "Robotics" : pathway;
        return """
                {"type":"%s","title":"%s opportunity %d","description":"Hands-on %s work with a mentor","pathway":"%s",
                 "paid":%s,"paidTerms":%s,"location":"%d Main St","remote":%s,"schedule":"Tue and Thu afternoons",
                 "hoursPerWeek":6,"capacity":4,"gradeMin":%d,"gradeMax":12,"minimumAge":15,
                 "applyFrom":"%s","applyUntil":"%s","contactName":"Dana Reyes","contactEmail":"dana@example.org"}"""
                .formatted(type, topic, i, topic.toLowerCase(Locale.ROOT), pathway, paid, paid ? "\"$15/hour\"" : "null",
                        i % 900 + 1, remote, gradeMin, today.minusDays(i % 30), today.plusMonths(3));
    }

    private static void send(String method, String url, String token, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
