package org.districtops.bench;

import org.districtops.bench.district.DistrictGenerator;
import org.districtops.bench.district.DistrictSize;
import org.districtops.bench.district.EventStoreWriter;
import org.districtops.bench.district.OneRosterPackage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Loads a synthetic district into a running platform: schools and educators through pd-service's OneRoster import
 * (people's names must go to the personal-data store, not into events), then the history as events written
 * straight into each service's event store, which the running services pick up like any append.
 */
final class DistrictLoader {

    static final String DISTRICT = "demo-district";
    static final int EDUCATORS_PER_PACKAGE = 500;
    static final int PARALLEL_PACKAGES = 4;

    private DistrictLoader() {
    }

    static Map<String, Object> load(Platform platform, DistrictSize size, long seed, DistrictGenerator generator,
                                    List<String> awaitServices) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        String pd = platform.services.get("pd").url() + "/districts/" + DISTRICT;
        String token = Http.token(platform.gateway(), "pdstaff");

        long t0 = System.nanoTime();
        Http.sendBytes(pd + "/oneroster-imports", token, "application/zip", OneRosterPackage.schools(size));
        await(() -> Http.getJson(pd + "/schools", token).size() >= size.schools, "schools visible");
        // packages in parallel: each educator is a command whose commit waits for fsync, so the import is latency-bound
        ExecutorService uploads = Executors.newFixedThreadPool(PARALLEL_PACKAGES);
        List<Future<?>> done = new ArrayList<>();
        AtomicInteger imported = new AtomicInteger();
        for (int from = 0; from < size.educators; from += EDUCATORS_PER_PACKAGE) {
            int start = from;
            int to = Math.min(size.educators, from + EDUCATORS_PER_PACKAGE);
            done.add(uploads.submit(() -> {
                Http.sendBytes(pd + "/oneroster-imports", token, "application/zip",
                        OneRosterPackage.educators(size, seed, start, to));
                System.out.printf(Locale.ROOT, "  OneRoster import: %,d of %,d educators (%.0f s)%n",
                        imported.addAndGet(to - start), size.educators, (System.nanoTime() - t0) / 1e9);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        uploads.shutdown();
        await(() -> Http.getJson(pd + "/educators", token).size() >= size.educators, "educators visible");
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        figures.put("oneRosterImportSeconds", round(importSeconds));
        figures.put("educatorsImportedPerSecond", round(size.educators / importSeconds));

        long t1 = System.nanoTime();
        try (EventStoreWriter writer = new EventStoreWriter(platform.jdbcPrefix(), "postgres", "postgres", 100,
                size.generatedEvents())) {
            generator.generate(writer);
            writer.close();
            figures.put("eventsWritten", writer.written());
            figures.put("eventsWrittenPerService", new LinkedHashMap<>(writer.writtenPerService()));
            figures.put("eventWriteSeconds", round(writer.seconds()));
            figures.put("eventsWrittenPerSecond", round(writer.written() / writer.seconds()));
        }
        platform.awaitReadSidesCaughtUp(Duration.ofMinutes(40), awaitServices);
        figures.put("readSidesCaughtUpBeforeMeasures", awaitServices);
        double loadSeconds = (System.nanoTime() - t1) / 1e9;
        figures.put("eventsProjectedSeconds", round(loadSeconds));
        figures.put("totalLoadSeconds", round((System.nanoTime() - t0) / 1e9));
        System.out.printf(Locale.ROOT, "District %s loaded: %s%n", size, figures);
        return figures;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Timed out waiting for " + what);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
