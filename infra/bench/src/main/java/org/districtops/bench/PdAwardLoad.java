package org.districtops.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * pd-service against a running platform (loopback only): bulk awards (one CSV request) beside the same number of
 * single-award requests, and public credential verification beside the cheapest public request of the same service
 * (its issuer key set), in one run. Seeds the roster with a OneRoster import first.
 *
 * <p>Usage: {@code PdAwardLoad [gatewayUrl] [pdUrl] [educators] [seconds per scenario] [concurrency]};
 * see docs/benchmarks.md.
 */
public final class PdAwardLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String DISTRICT = "demo-district";
    private static final String SVG = Base64.getEncoder().encodeToString(
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>".getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String pd = args.length > 1 ? args[1] : "http://127.0.0.1:8083";
        int educators = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        ClosedLoop.requireLoopback(gateway);
        ClosedLoop.requireLoopback(pd);
        String staff = Http.token(gateway, "pdstaff");
        String api = gateway + "/api/pd/districts/" + DISTRICT;
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

        // the roster: one OneRoster package of two schools and N teachers
        long t0 = System.nanoTime();
        JsonNode report = JSON.readTree(send("POST", api + "/oneroster-imports", staff, "application/zip",
                oneRoster(run, educators)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < educators; i++) {
            ids.add(UUID.nameUUIDFromBytes(("oneroster|" + DISTRICT + "|" + run + "-t" + i)
                    .getBytes(StandardCharsets.UTF_8)).toString());
        }
        await(api + "/educators/" + ids.get(educators - 1), staff, e -> e.has("educatorId"));
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "OneRoster import: %d educators accepted in %.1f s (%.0f educators/s)%n",
                report.get("educatorsAccepted") == null ? educators : report.get("educatorsAccepted").asInt(),
                importSeconds, educators / importSeconds);

        // bulk: one CSV request awarding N
        String bulkBadge = badge(api, staff, "Bulk " + run);
        StringBuilder csv = new StringBuilder("educatorId\n");
        ids.forEach(id -> csv.append(id).append('\n'));
        long b0 = System.nanoTime();
        JsonNode bulk = JSON.readTree(send("POST", api + "/badges/" + bulkBadge + "/awards/bulk", staff, "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)));
        double bulkSeconds = (System.nanoTime() - b0) / 1e9;
        int awarded = bulk.get("awarded").asInt();
        System.out.printf(Locale.ROOT, "Bulk award: %d awarded, %d rejected in %.1f s: %.0f awards/s%n", awarded,
                bulk.get("rejected").size(), bulkSeconds, awarded / bulkSeconds);

        // baseline: the same number of single-award requests, from `concurrency` clients
        String singleBadge = badge(api, staff, "Single " + run);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        long s0 = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < educators; i = next.getAndIncrement()) {
                    send("POST", api + "/badges/" + singleBadge + "/awards", staff, "application/json",
                            ("{\"educatorId\":\"" + ids.get(i) + "\"}").getBytes(StandardCharsets.UTF_8));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double singleSeconds = (System.nanoTime() - s0) / 1e9;
        System.out.printf(Locale.ROOT, "Single awards (%d clients): %d in %.1f s: %.0f awards/s%n", concurrency,
                educators, singleSeconds, educators / singleSeconds);

        // verification: a credential's VC-JWT, posted to the public endpoint
        JsonNode awards = await(api + "/awards?educatorId=" + ids.get(0), staff, a -> a.size() == 2);
        String awardId = awards.get(0).get("awardId").asString();
        String jwt = JSON.readTree(send("GET", api + "/awards/" + awardId + "/credential", staff, null, null))
                .get("jwt").asString();
        byte[] verifyBody = ("{\"credential\":\"" + jwt + "\"}").getBytes(StandardCharsets.UTF_8);
        String verifyPath = "/api/pd/public/verify";
        String jwksPath = "/api/pd/public/districts/" + DISTRICT + "/issuer/jwks";
        List<ClosedLoop.Result> results = new ArrayList<>();
        for (int clients : new int[]{1, concurrency}) {
            results.add(measure("issuer JWKS, direct (baseline), " + clients + " clients",
                    get(pd + jwksPath), seconds, clients));
            results.add(measure("verify VC-JWT, direct, " + clients + " clients",
                    post(pd + verifyPath, verifyBody), seconds, clients));
            results.add(measure("verify VC-JWT, via gateway, " + clients + " clients",
                    post(gateway + verifyPath, verifyBody), seconds, clients));
        }
        System.out.printf(Locale.ROOT, "%n| figure | value |%n|---|---:|%n");
        System.out.printf(Locale.ROOT, "| OneRoster import, educators/s | %.0f |%n", educators / importSeconds);
        System.out.printf(Locale.ROOT, "| bulk award (one CSV request), awards/s | %.0f |%n", awarded / bulkSeconds);
        System.out.printf(Locale.ROOT, "| single-award requests (%d clients), awards/s | %.0f |%n", concurrency,
                educators / singleSeconds);
        System.out.printf(Locale.ROOT, "| bulk ÷ single | %.2f× |%n", singleSeconds / bulkSeconds);
        System.out.printf(Locale.ROOT, "%n| scenario | requests/s | p50 ms | p99 ms | errors |%n|---|---:|---:|---:|---:|%n");
        for (ClosedLoop.Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d |%n", r.scenario(), r.perSecond(),
                    r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.errors());
        }
        System.out.printf("%d educators, concurrency %d, %d s per scenario, %d cores%n", educators, concurrency, seconds,
                Runtime.getRuntime().availableProcessors());
    }

    private static ClosedLoop.Result measure(String name, HttpRequest request, int seconds, int clients)
            throws Exception {
        ClosedLoop.run(name, request, 2, clients, false); // warm-up
        return ClosedLoop.run(name, request, seconds, clients, true);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static HttpRequest post(String url, byte[] json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
    }

    private static String badge(String api, String staff, String name) throws Exception {
        String json = """
                {"name":"%s","description":"Benchmark badge","criteria":"Complete the course",
                 "image":{"contentType":"image/svg+xml","data":"%s"},"competencies":["learner agency"],
                 "pdHours":6,"validityDays":365,"evidenceRequired":false,"requiredBadgeIds":[]}""".formatted(name, SVG);
        String badgeId = JSON.readTree(send("POST", api + "/badges", staff, "application/json",
                json.getBytes(StandardCharsets.UTF_8))).get("badgeId").asString();
        String publicBadge = api.replace("/api/pd/districts/", "/api/pd/public/districts/") + "/badges/" + badgeId;
        await(publicBadge, null, b -> b.has("badgeId"));
        return badgeId;
    }

    /** A OneRoster 1.2 CSV package: manifest, two schools, {@code n} teachers spread over them. */
    static byte[] oneRoster(String run, int n) throws Exception {
        StringBuilder users = new StringBuilder("sourcedId,status,enabledUser,role,username,givenName,familyName,email,orgSourcedIds\n");
        for (int i = 0; i < n; i++) {
            users.append(run).append("-t").append(i).append(",active,true,teacher,t").append(i).append(",Given")
                    .append(i).append(",Family").append(i).append(",t").append(i).append('.').append(run)
                    .append("@example.org,").append(run).append("-school-").append(i % 2).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n"
                    + "file.orgs,bulk\nfile.users,bulk\n");
            entry(zip, "orgs.csv", "sourcedId,status,name,type,identifier\n" + run + "-school-0,active,North High,school,N1\n"
                    + run + "-school-1,active,South High,school,S1\n");
            entry(zip, "users.csv", users.toString());
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static JsonNode await(String url, String token, Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode body = JSON.readTree(response.body());
                if (until.test(body)) {
                    return body;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(url + " did not reach the expected state");
    }

    private static String send(String method, String url, String token, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
