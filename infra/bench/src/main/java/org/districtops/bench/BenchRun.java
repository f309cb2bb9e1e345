package org.districtops.bench;

import org.districtops.bench.district.DistrictGenerator;
import org.districtops.bench.district.DistrictSize;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The whole benchmark at one size (issue 9): starts the platform with the launcher on a fresh data folder, loads the
 * synthetic district, runs every measure beside its raw baseline in the same run (medians of {@code runs} runs),
 * and writes {@code bench/results/<date>-<size>.json}, a chart ({@code .svg}) and the table in docs/benchmarks.md.
 *
 * <p>Usage (from the repository root, after building; {@code infra/bench/run.sh} does both):
 * {@code java -jar infra/bench/target/bench.jar <S|M|L> [seed] [runs]}
 */
public final class BenchRun {

    static final int CLIENTS = 8;
    static final int SECONDS = 10;

    public static void main(String[] args) throws Exception {
        DistrictSize size = DistrictSize.parse(args.length > 0 ? args[0] : "S");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261124L;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // "all" (default): measure once every read model has caught up; a comma list (e.g. "vision") measures as soon
        // as those have, while the others still catch up (recorded in the results)
        List<String> awaitServices = args.length > 3 && !"all".equals(args[3]) ? List.of(args[3].split(","))
                : List.of("vision", "pilot", "pd", "partnership");
        Path home = Path.of(System.getProperty("dop.home", ".")).toAbsolutePath().normalize();
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        Path work = home.resolve("infra/bench/target/run-" + size);
        deleteRecursively(work);
        Files.createDirectories(work);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("size", size.name());
        result.put("seed", seed);
        result.put("date", date);
        result.put("runsPerFigure", runs);
        result.put("machine", machine());
        result.put("district", Map.of("students", size.students, "schools", size.schools, "educators", size.educators,
                "badges", size.badges, "pilots", size.pilots(), "partners", size.partners(), "listings", size.listings(),
                "placements", size.placements(), "generatedEvents", size.generatedEvents()));
        long t0 = System.nanoTime();
        System.out.printf("Benchmark at size %s (seed %d, %d runs per figure); work folder %s%n", size, seed, runs, work);
        try (Platform platform = new Platform(home, work.resolve("data"))) {
            platform.start();
            Map<String, Object> footprint = new LinkedHashMap<>();
            footprint.put("startSeconds", DistrictLoader.round(platform.startSeconds));
            footprint.put("rssMiBAfterStart", platform.residentMemory());
            result.put("footprint", footprint);

            System.out.println("== Loading the district");
            DistrictGenerator generator = new DistrictGenerator(DistrictLoader.DISTRICT, size, seed);
            result.put("load", DistrictLoader.load(platform, size, seed, generator, awaitServices));
            footprint.put("rssMiBAfterLoad", platform.residentMemory());

            System.out.println("== Public dashboard reads");
            result.put("reads", reads(platform, generator, runs));
            Map<String, Object> profiles = new LinkedHashMap<>();
            result.put("profiles", profiles);
            profiles.put("gatewayDuringDashboardReads", profiled(platform.pidOf("gateway"), work.resolve("gateway-reads.jfr"),
                    () -> PublicReadLoad.run("dashboardViaGateway", platform.gateway() + dashboardPath(generator), SECONDS,
                            CLIENTS, false)));

            System.out.println("== Write path");
            WriteLoad writes = new WriteLoad(platform, generator);
            WriteLoad.createRawDatabase(platform);
            List<WriteLoad.Result> viaGateway = new ArrayList<>();
            List<WriteLoad.Result> raw = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                viaGateway.add(writes.commands(SECONDS, CLIENTS));
                raw.add(writes.rawInserts(SECONDS, CLIENTS));
            }
            profiles.put("visionServiceDuringWrites", profiled(platform.pidOf("vision-service"),
                    work.resolve("vision-writes.jfr"), () -> writes.commands(SECONDS, CLIENTS)));
            Map<String, Object> write = new LinkedHashMap<>();
            write.put("clients", CLIENTS);
            write.put("commandsViaGateway", median(viaGateway));
            write.put("rawJdbcInsert", median(raw));
            double ratio = medianOf(viaGateway, WriteLoad.Result::perSecond) / medianOf(raw, WriteLoad.Result::perSecond);
            write.put("ratio", DistrictLoader.round(ratio));
            result.put("write", write);

            System.out.println("== Projection lag at 50% of the maximum write rate");
            double halfRate = medianOf(viaGateway, WriteLoad.Result::perSecond) / 2;
            LagProbe.Result lag = LagProbe.run(platform, writes, halfRate, 3 * SECONDS);
            Map<String, Object> lagMap = new LinkedHashMap<>();
            lagMap.put("backgroundCommandsPerSecond", DistrictLoader.round(lag.backgroundRate()));
            lagMap.put("samples", lag.samples());
            lagMap.put("p50Ms", lag.p50Micros() / 1000.0);
            lagMap.put("p99Ms", lag.p99Micros() / 1000.0);
            lagMap.put("maxMs", lag.maxMicros() / 1000.0);
            lagMap.put("backgroundErrors", lag.backgroundErrors());
            result.put("projectionLag", lagMap);
            platform.awaitReadSidesCaughtUp(java.time.Duration.ofMinutes(10), awaitServices);

            System.out.println("== Replay (pd-service, the largest event store)");
            List<String> processors = ReplayBench.processors(platform, "pd");
            Map<String, Object> replay = new LinkedHashMap<>();
            replay.put("service", "pd");
            replay.put("processors", processors);
            ReplayBench.Result rawRead = ReplayBench.rawRead(platform, "pd");
            int maxSeconds = size == DistrictSize.S ? 90 : 60;
            Path replayJfr = work.resolve("replay.jfr");
            ReplayBench.Result shipped = safely("platform settings", () -> ReplayBench.rebuild(platform, "pd",
                    "platform settings", List.of("-XX:StartFlightRecording=dumponexit=true,settings=profile,filename="
                            + replayJfr), maxSeconds, work));
            try {
                profiles.put("pdReplayPlatformSettings", Profiler.summarise(replayJfr, 12));
            } catch (Exception e) {
                profiles.put("pdReplayPlatformSettings", Map.of("error", String.valueOf(e)));
            }
            ReplayBench.Result defaults = safely("axon defaults", () -> ReplayBench.rebuild(platform, "pd",
                    "axon defaults", ReplayBench.axonDefaults(processors), maxSeconds, work));
            ReplayBench.Result batched = safely("batch 100", () -> ReplayBench.rebuild(platform, "pd", "batch 100",
                    ReplayBench.batched(processors, 100), maxSeconds, work));
            replay.put("rawSequentialRead", ReplayBench.asMap(rawRead));
            replay.put("platformSettings", ReplayBench.asMap(shipped));
            replay.put("axonDefaults", ReplayBench.asMap(defaults));
            replay.put("batchSize100", ReplayBench.asMap(batched));
            replay.put("ratioToRawRead", DistrictLoader.round(shipped.eventsPerSecond() / rawRead.eventsPerSecond()));
            replay.put("ratioToAxonDefaults", DistrictLoader.round(shipped.eventsPerSecond() / defaults.eventsPerSecond()));
            replay.put("batch100RatioToRawRead", DistrictLoader.round(batched.eventsPerSecond() / rawRead.eventsPerSecond()));
            replay.put("batch100RatioToAxonDefaults", DistrictLoader.round(batched.eventsPerSecond() / defaults.eventsPerSecond()));
            result.put("replay", replay);
            footprint.put("rssMiBAtEnd", platform.residentMemory());
        }
        result.put("benchmarkSeconds", DistrictLoader.round((System.nanoTime() - t0) / 1e9));
        Map<String, Object> machineAtEnd = new LinkedHashMap<>();
        machineAtEnd.put("loadAverageAtEnd", loadAverage());
        result.put("machineAtEnd", machineAtEnd);
        Report.write(home, date, size, result);
    }

    interface Load {
        Object run() throws Exception;
    }

    /** Runs the load once more while recording the JVM with JFR, and summarises the recording's top frames. */
    static Map<String, Object> profiled(long pid, Path file, Load load) {
        try {
            Profiler.record(pid, SECONDS, file);
            load.run();
            return Profiler.summarise(file, 12);
        } catch (Exception e) {
            return Map.of("error", String.valueOf(e));
        }
    }

    interface Replay {
        ReplayBench.Result run() throws Exception;
    }

    /** A failed variant is recorded as such instead of ending the whole run. */
    static ReplayBench.Result safely(String variant, Replay replay) {
        try {
            return replay.run();
        } catch (Exception e) {
            System.out.println("  replay " + variant + " failed: " + e);
            return new ReplayBench.Result(variant + " (failed: " + e.getMessage() + ")", 0, 0, 0, false);
        }
    }

    static String dashboardPath(DistrictGenerator generator) {
        return "/api/vision/public/districts/" + DistrictLoader.DISTRICT + "/plans/" + generator.planId()
                + "/dashboard?asOf=2026-03-01";
    }

    static Map<String, Object> reads(Platform platform, DistrictGenerator generator, int runs) throws Exception {
        String dashboard = dashboardPath(generator);
        Map<String, String> scenarios = new LinkedHashMap<>();
        scenarios.put("staticFileViaGateway", platform.gateway() + "/index.html");
        scenarios.put("dashboardDirect", platform.services.get("vision").url().replace("/api/vision", "") + dashboard);
        scenarios.put("dashboardViaGateway", platform.gateway() + dashboard);
        Map<String, Object> reads = new LinkedHashMap<>();
        for (int clients : new int[]{1, CLIENTS}) {
            Map<String, List<PublicReadLoad.Result>> all = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                // scenarios interleaved, so drift in the machine's load hits all of them alike
                for (Map.Entry<String, String> s : scenarios.entrySet()) {
                    PublicReadLoad.run(s.getKey(), s.getValue(), 1, clients, false);
                    PublicReadLoad.Result r = PublicReadLoad.run(s.getKey(), s.getValue(), SECONDS / 2, clients, false);
                    System.out.printf(Locale.ROOT, "  %d clients %-24s %8.0f /s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n",
                            clients, s.getKey(), r.perSecond(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.errors());
                    all.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(r);
                }
            }
            Map<String, Object> perClients = new LinkedHashMap<>();
            all.forEach((k, v) -> perClients.put(k, Map.of(
                    "requestsPerSecond", DistrictLoader.round(medianOfReads(v, PublicReadLoad.Result::perSecond)),
                    "p50Ms", medianOfReads(v, r -> r.p50Micros() / 1000.0),
                    "p99Ms", medianOfReads(v, r -> r.p99Micros() / 1000.0),
                    "errors", v.stream().mapToLong(PublicReadLoad.Result::errors).sum())));
            double gatewayP50 = medianOfReads(all.get("dashboardViaGateway"), r -> r.p50Micros() / 1000.0);
            double directP50 = medianOfReads(all.get("dashboardDirect"), r -> r.p50Micros() / 1000.0);
            perClients.put("gatewayAddsP50Ms", DistrictLoader.round(gatewayP50 - directP50));
            perClients.put("throughputRatioGatewayToDirect", DistrictLoader.round(
                    medianOfReads(all.get("dashboardViaGateway"), PublicReadLoad.Result::perSecond)
                            / medianOfReads(all.get("dashboardDirect"), PublicReadLoad.Result::perSecond)));
            reads.put(clients + (clients == 1 ? " client" : " clients"), perClients);
        }
        return reads;
    }

    static double medianOfReads(List<PublicReadLoad.Result> results, ToDoubleFunction<PublicReadLoad.Result> f) {
        return median(results.stream().mapToDouble(f).toArray());
    }

    static double medianOf(List<WriteLoad.Result> results, ToDoubleFunction<WriteLoad.Result> f) {
        return median(results.stream().mapToDouble(f).toArray());
    }

    static Map<String, Object> median(List<WriteLoad.Result> results) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("perSecond", DistrictLoader.round(medianOf(results, WriteLoad.Result::perSecond)));
        m.put("p50Ms", DistrictLoader.round(medianOf(results, r -> r.p50Micros() / 1000.0)));
        m.put("p99Ms", DistrictLoader.round(medianOf(results, r -> r.p99Micros() / 1000.0)));
        m.put("errors", results.stream().mapToLong(WriteLoad.Result::errors).sum());
        m.put("runs", results.stream().map(r -> DistrictLoader.round(r.perSecond())).toList());
        return m;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length == 0 ? 0 : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        m.put("memoryGiB", DistrictLoader.round(os.getTotalMemorySize() / 1024.0 / 1024 / 1024));
        m.put("java", System.getProperty("java.version"));
        m.put("loadAverageAtStart", loadAverage());
        m.put("note", "load generator, gateway, services, PostgreSQL and MongoDB share these cores; other work on the "
                + "machine shows in the load average");
        return m;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    static void deleteRecursively(Path p) throws Exception {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        }
    }
}
