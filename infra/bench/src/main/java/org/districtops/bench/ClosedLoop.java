package org.districtops.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop harness: N callers, each making its next call when the last one returned, with microsecond
 * latencies. It measures the raw JDBC baseline of the write path (no HTTP), and the standalone board and PD harnesses
 * ({@link BoardSearchLoad}, {@link PdAwardLoad}). The benchmark's own HTTP load (run.sh) is Gatling's
 * ({@code org.districtops.bench.load}).
 */
final class ClosedLoop {

    record Result(String scenario, long requests, long errors, double seconds, long p50Micros, long p99Micros) {
        double perSecond() {
            return requests / seconds;
        }
    }

    interface Call {
        /** One call; false or an exception counts as an error. */
        boolean call() throws Exception;
    }

    private ClosedLoop() {
    }

    /** The same GET sent by {@code concurrency} callers; a response other than 200 counts as an error. */
    static Result run(String name, String url, int seconds, int concurrency, boolean report) throws Exception {
        return run(name, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(), seconds,
                concurrency, report);
    }

    /** As above for any request. */
    static Result run(String name, HttpRequest request, int seconds, int concurrency, boolean report) throws Exception {
        return run(name, seconds, concurrency, report,
                () -> Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200);
    }

    /** Any call by {@code concurrency} callers for {@code seconds}; with {@code report}, progress every second. */
    static Result run(String name, int seconds, int concurrency, boolean report, Call call) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1 << 12];
                int n = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        if (!call.call()) {
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
                System.out.printf(Locale.ROOT, "  %-48s %6.0f s  %8d calls%n", name, (System.nanoTime() - t0) / 1e9,
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

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    /** Load goes only to this machine. */
    static void requireLoopback(String url) {
        String host = URI.create(url).getHost();
        if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("Refusing to send load to " + host + ": loopback only");
        }
    }
}
