package org.districtops.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Projection lag: from a command's acknowledgement to the change being visible on the public read model, while the
 * write mix runs open loop at a fixed rate (50% of the measured maximum). The probe is a progress update of a
 * milestone in a small plan of its own, so that reading the public plan stays cheap next to the lag it measures.
 */
final class LagProbe {

    record Result(double backgroundRate, int samples, long p50Micros, long p99Micros, long maxMicros, long backgroundErrors) {
    }

    private LagProbe() {
    }

    static Result run(Platform platform, WriteLoad writes, double rate, int seconds) throws Exception {
        String gateway = platform.gateway();
        String token = Http.token(gateway, "superintendent");
        String d = DistrictLoader.DISTRICT;
        String base = gateway + "/api/vision/districts/" + d + "/plans";
        String planId = Http.JSON.readTree(Http.post(base, token, "{\"title\":\"Lag probe\",\"startYear\":2025,\"endYear\":2030}"))
                .get("planId").asString();
        String goalId = Http.JSON.readTree(Http.post(base + "/" + planId + "/goals", token,
                "{\"title\":\"Probe goal\",\"conditions\":[\"INSTRUCTION\"]}")).get("goalId").asString();
        String milestoneId = Http.JSON.readTree(Http.post(base + "/" + planId + "/goals/" + goalId + "/milestones", token,
                "{\"title\":\"Probe\",\"owner\":{\"id\":\"superintendent\",\"name\":\"Sam Superintendent\"},"
                        + "\"start\":\"2025-08-01\",\"due\":\"2030-06-30\"}")).get("milestoneId").asString();
        String publicPlan = gateway + "/api/vision/public/districts/" + d + "/plans/" + planId;
        DistrictLoader.await(() -> Http.get(publicPlan, null).body().contains(milestoneId), "probe plan visible");

        // background: the write mix at a fixed rate, open loop (sent on schedule whether or not answered)
        AtomicLong backgroundErrors = new AtomicLong();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = Math.max(1, Math.round(1_000_000 / Math.max(rate, 0.1)));
        scheduler.scheduleAtFixedRate(() -> Http.CLIENT.sendAsync(writes.nextCommand(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((r, e) -> {
                    if (e != null || r.statusCode() >= 300) {
                        backgroundErrors.incrementAndGet();
                    }
                }), 0, periodMicros, TimeUnit.MICROSECONDS);
        List<Long> lags = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        LocalDate asOf = LocalDate.of(2025, 8, 1);
        try {
            while (System.nanoTime() < end) {
                asOf = asOf.plusDays(1);
                String marker = "\"asOf\":\"" + asOf + "\"";
                HttpRequest command = HttpRequest.newBuilder(URI.create(base + "/" + planId + "/milestones/" + milestoneId
                                + "/updates")).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"asOf\":\"" + asOf + "\",\"percentComplete\":"
                                + (1 + lags.size() % 99) + "}")).build();
                HttpResponse<Void> ack = Http.CLIENT.send(command, HttpResponse.BodyHandlers.discarding());
                long acked = System.nanoTime();
                if (ack.statusCode() >= 300) {
                    throw new IllegalStateException("probe command answered " + ack.statusCode());
                }
                while (!Http.get(publicPlan, null).body().contains(marker)) {
                    if (System.nanoTime() - acked > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("probe update not visible after 30 s");
                    }
                    Thread.sleep(2);
                }
                lags.add((System.nanoTime() - acked) / 1000);
                Thread.sleep(50);
            }
        } finally {
            scheduler.shutdownNow();
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        Result r = new Result(rate, sorted.length, WriteLoad.percentile(sorted, 0.5), WriteLoad.percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], backgroundErrors.get());
        System.out.printf(Locale.ROOT, "  projection lag at %.1f commands/s: p50 %.1f ms, p99 %.1f ms (%d samples)%n", rate,
                r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.samples());
        return r;
    }
}
