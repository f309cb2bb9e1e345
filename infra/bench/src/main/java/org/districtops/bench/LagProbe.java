package org.districtops.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Projection lag: from a command's acknowledgement to the change being visible on the public read model, while the
 * write mix runs open loop at a fixed rate (50% of the measured maximum; Gatling, in the background). The probe is a progress update of a
 * milestone in a small plan of its own, so that reading the public plan stays cheap next to the lag it measures.
 */
final class LagProbe {

    record Result(double backgroundRate, int samples, long p50Micros, long p99Micros, long maxMicros,
                  GatlingRun.Stats background) {
    }

    /** Time Gatling takes to start in this JVM before the background load runs. */
    private static final int BACKGROUND_START_SECONDS = 3;

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

        // background: the write mix at a fixed rate, open loop, from just before the probe starts until after it ends
        ExecutorService backgroundThread = Executors.newSingleThreadExecutor();
        Future<GatlingRun.Stats> background = backgroundThread.submit(() -> writes.atRate("write-mix-under-lag-probe",
                seconds + 2 * BACKGROUND_START_SECONDS, rate));
        Thread.sleep(BACKGROUND_START_SECONDS * 1000L);
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
            // one Gatling run at a time in this JVM: wait for the background even when the probe failed
            backgroundThread.shutdown();
            if (!backgroundThread.awaitTermination(seconds + 120L, java.util.concurrent.TimeUnit.SECONDS)) {
                backgroundThread.shutdownNow();
            }
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        Result r = new Result(rate, sorted.length, ClosedLoop.percentile(sorted, 0.5), ClosedLoop.percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], background.get());
        System.out.printf(Locale.ROOT, "  projection lag at %.1f commands/s: p50 %.1f ms, p99 %.1f ms (%d samples)%n", rate,
                r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.samples());
        return r;
    }
}
