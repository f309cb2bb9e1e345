package org.districtops.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Public dashboard reads against a running platform (loopback only), each beside its baselines in the same run:
 * the same request sent straight to vision-service (what the gateway adds) and a static file from the gateway
 * (the gateway's own floor). Seeds one plan with goals, measures, milestones and updates first.
 *
 * <p>Usage: {@code java -cp infra/bench/target/classes:<jackson> org.districtops.bench.PublicReadLoad
 * [gatewayUrl] [visionUrl] [seconds per scenario] [concurrency]}; see docs/benchmarks.md.
 */
public final class PublicReadLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Result(String scenario, long requests, long errors, double seconds, long p50Micros, long p99Micros) {
        double perSecond() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String vision = args.length > 1 ? args[1] : "http://127.0.0.1:8081";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        requireLoopback(gateway);
        requireLoopback(vision);

        String planId = seed(gateway);
        String dashboard = "/api/vision/public/districts/demo-district/plans/" + planId + "/dashboard?asOf=2026-03-01";
        Map<String, String> scenarios = new LinkedHashMap<>();
        scenarios.put("static file via gateway (floor)", gateway + "/index.html");
        scenarios.put("dashboard direct to vision-service (baseline)", vision + dashboard);
        scenarios.put("dashboard via gateway", gateway + dashboard);

        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, String> scenario : scenarios.entrySet()) {
            run(scenario.getKey(), scenario.getValue(), 2, concurrency, false); // warm-up
            results.add(run(scenario.getKey(), scenario.getValue(), seconds, concurrency, true));
        }
        Result floor = results.get(0);
        Result direct = results.get(1);
        Result viaGateway = results.get(2);
        System.out.printf(Locale.ROOT, "%n| scenario | requests/s | p50 ms | p99 ms | errors |%n|---|---:|---:|---:|---:|%n");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d |%n", r.scenario(), r.perSecond(),
                    r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.errors());
        }
        System.out.printf(Locale.ROOT, "%nvia gateway ÷ direct: throughput %.2f×, p50 +%.2f ms, p99 +%.2f ms%n",
                viaGateway.perSecond() / direct.perSecond(), (viaGateway.p50Micros() - direct.p50Micros()) / 1000.0,
                (viaGateway.p99Micros() - direct.p99Micros()) / 1000.0);
        System.out.printf(Locale.ROOT, "dashboard via gateway ÷ static file via gateway: throughput %.2f×%n",
                viaGateway.perSecond() / floor.perSecond());
        System.out.printf("concurrency %d, %d s per scenario, %d cores%n", concurrency, seconds,
                Runtime.getRuntime().availableProcessors());
    }

    /** Closed loop: {@code concurrency} clients, each sending its next request when the last one answered. */
    static Result run(String name, String url, int seconds, int concurrency, boolean report) throws Exception {
        return run(name, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(), seconds,
                concurrency, report);
    }

    /** As above for any request; a response other than 200 counts as an error. */
    static Result run(String name, HttpRequest request, int seconds, int concurrency, boolean report) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = (System.nanoTime() - start) / 1000;
                    done.incrementAndGet();
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        if (report) {
            while (System.nanoTime() < end) {
                Thread.sleep(1000);
                System.out.printf(Locale.ROOT, "  %-48s %6.0f s  %8d requests%n", name, (System.nanoTime() - t0) / 1e9,
                        done.get());
            }
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            all.add(worker.get());
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, merged.length, errors.get(), elapsed, percentile(merged, 0.50), percentile(merged, 0.99));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    /** A plan with three goals, a measure and two milestones each, and a few dated updates. */
    static String seed(String gateway) throws Exception {
        String token = JSON.readTree(post(gateway + "/auth/token", null, "application/x-www-form-urlencoded",
                "grant_type=password&username=superintendent&password=demo")).get("access_token").asString();
        String base = gateway + "/api/vision/districts/demo-district/plans";
        String planId = JSON.readTree(post(base, token, "application/json",
                "{\"title\":\"Benchmark plan\",\"startYear\":2025,\"endYear\":2030}")).get("planId").asString();
        for (int g = 1; g <= 3; g++) {
            String goalId = JSON.readTree(post(base + "/" + planId + "/goals", token, "application/json",
                    "{\"title\":\"Goal " + g + "\",\"conditions\":[\"INSTRUCTION\"]}")).get("goalId").asString();
            String measureId = JSON.readTree(post(base + "/" + planId + "/goals/" + goalId + "/measures", token,
                    "application/json", "{\"name\":\"Measure " + g + "\",\"unit\":\"%\",\"direction\":\"UP\",\"baselineValue\":70,"
                            + "\"baselineDate\":\"2025-06-30\",\"targets\":[{\"year\":2026,\"value\":75},{\"year\":2027,\"value\":80}]}"))
                    .get("measureId").asString();
            post(base + "/" + planId + "/measures/" + measureId + "/values", token, "application/json",
                    "{\"asOf\":\"2026-01-31\",\"value\":72.5}");
            for (int m = 1; m <= 2; m++) {
                String milestoneId = JSON.readTree(post(base + "/" + planId + "/goals/" + goalId + "/milestones", token,
                        "application/json", "{\"title\":\"Milestone " + g + "." + m + "\",\"owner\":{\"id\":\"superintendent\","
                                + "\"name\":\"Sam Superintendent\"},\"start\":\"2025-08-01\",\"due\":\"2026-06-30\"}"))
                        .get("milestoneId").asString();
                post(base + "/" + planId + "/milestones/" + milestoneId + "/updates", token, "application/json",
                        "{\"asOf\":\"2026-02-01\",\"percentComplete\":" + (40 + 10 * m) + "}");
            }
        }
        String publicUrl = gateway + "/api/vision/public/districts/demo-district/plans/" + planId;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(publicUrl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode plan = JSON.readTree(response.body());
                if (plan.get("goals").size() == 3 && plan.get("goals").get(2).get("milestones").size() == 2
                        && plan.get("goals").get(2).get("milestones").get(1).get("updates").size() == 1) {
                    System.out.println("Seeded plan " + planId);
                    return planId;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Seeded plan did not become visible");
    }

    static String post(String url, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Load goes only to this machine. */
    static void requireLoopback(String url) {
        String host = URI.create(url).getHost();
        if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("Refusing to send load to " + host + ": loopback only");
        }
    }
}
