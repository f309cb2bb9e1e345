package org.districtops.bench;

import org.districtops.bench.district.DistrictGenerator;
import org.districtops.bench.district.DistrictSize;
import org.districtops.bench.load.DashboardReadSimulation;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** From Gatling's jar manifest. */
    static final String GATLING_VERSION = String.valueOf(io.gatling.core.Predef.class.getPackage().getImplementationVersion());
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

            System.out.println("== Public dashboard reads (Gatling)");
            Path gatling = work.resolve("gatling");
            Map<String, Object> gatlingInfo = new LinkedHashMap<>();
            gatlingInfo.put("version", GATLING_VERSION);
            gatlingInfo.put("resultsFolder", home.relativize(gatling).toString());
            gatlingInfo.put("note", "one HTML report per simulation run (open index.html); response times in whole ms");
            result.put("gatling", gatlingInfo);
            result.put("reads", reads(home, platform, generator, runs, gatling));
            Map<String, Object> profiles = new LinkedHashMap<>();
            result.put("profiles", profiles);
            profiles.put("gatewayDuringDashboardReads", profiled(platform.pidOf("gateway"), work.resolve("gateway-reads.jfr"),
                    () -> GatlingRun.measure(DashboardReadSimulation.class, "reads-profiled-gateway",
                            readInputs("dashboardViaGateway", platform.gateway() + dashboardPath(generator), CLIENTS, SECONDS),
                            gatling)));

            System.out.println("== Write path (Gatling through the gateway; raw JDBC baseline)");
            WriteLoad writes = new WriteLoad(platform, generator, gatling);
            WriteLoad.createRawDatabase(platform);
            writes.commands("writes-warm-up", 2, CLIENTS);
            List<GatlingRun.Stats> viaGateway = new ArrayList<>();
            List<ClosedLoop.Result> raw = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                viaGateway.add(writes.commands("writes-run" + (i + 1), SECONDS, CLIENTS));
                raw.add(writes.rawInserts(SECONDS, CLIENTS));
            }
            profiles.put("visionServiceDuringWrites", profiled(platform.pidOf("vision-service"),
                    work.resolve("vision-writes.jfr"), () -> writes.commands("writes-profiled-vision", SECONDS, CLIENTS)));
            Map<String, Object> write = new LinkedHashMap<>();
            write.put("clients", CLIENTS);
            write.put("commandsViaGateway", medianOfGatling(home, viaGateway));
            write.put("rawJdbcInsert", medianOfRaw(raw));
            double ratio = median(viaGateway, GatlingRun.Stats::okPerSecond) / median(raw, BenchRun::okPerSecond);
            write.put("ratio", DistrictLoader.round(ratio));
            result.put("write", write);

            System.out.println("== Projection lag at 50% of the maximum write rate");
            double halfRate = median(viaGateway, GatlingRun.Stats::okPerSecond) / 2;
            LagProbe.Result lag = LagProbe.run(platform, writes, halfRate, 3 * SECONDS);
            Map<String, Object> lagMap = new LinkedHashMap<>();
            lagMap.put("backgroundCommandsPerSecond", DistrictLoader.round(lag.backgroundRate()));
            lagMap.put("samples", lag.samples());
            lagMap.put("p50Ms", lag.p50Micros() / 1000.0);
            lagMap.put("p99Ms", lag.p99Micros() / 1000.0);
            lagMap.put("maxMs", lag.maxMicros() / 1000.0);
            lagMap.put("backgroundErrors", lag.background().ko());
            lagMap.put("background", lag.background().asMap(home));
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
            replay.put("rawSequentialRead", ReplayBench.asMap(rawRead));
            replay.put("platformSettings", ReplayBench.asMap(shipped));
            replay.put("axonDefaults", ReplayBench.asMap(defaults));
            replay.put("ratioToRawRead", DistrictLoader.round(shipped.eventsPerSecond() / rawRead.eventsPerSecond()));
            replay.put("ratioToAxonDefaults", DistrictLoader.round(shipped.eventsPerSecond() / defaults.eventsPerSecond()));
            result.put("replay", replay);
            footprint.put("rssMiBAtEnd", platform.residentMemory());
            gatlingInfo.put("reports", reports(home, gatling));
        }
        result.put("benchmarkSeconds", DistrictLoader.round((System.nanoTime() - t0) / 1e9));
        Map<String, Object> machineAtEnd = new LinkedHashMap<>();
        machineAtEnd.put("loadAverageAtEnd", loadAverage());
        result.put("machineAtEnd", machineAtEnd);
        Report.write(home, date, size, result);
        // a library's non-daemon scheduler (seen after Gatling runs) would keep the JVM alive after the results
        // are written; the platform is already stopped, so end the run here
        System.exit(0);
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

    /** The dashboard scenarios at 1 and {@link #CLIENTS} users, interleaved run by run; medians of the runs. */
    static Map<String, Object> reads(Path home, Platform platform, DistrictGenerator generator, int runs, Path gatling)
            throws Exception {
        String dashboard = dashboardPath(generator);
        Map<String, String> scenarios = new LinkedHashMap<>();
        scenarios.put("staticFileViaGateway", platform.gateway() + "/index.html");
        scenarios.put("dashboardDirect", platform.services.get("vision").url().replace("/api/vision", "") + dashboard);
        scenarios.put("dashboardViaGateway", platform.gateway() + dashboard);
        for (Map.Entry<String, String> s : scenarios.entrySet()) {
            GatlingRun.warmUp(DashboardReadSimulation.class, readInputs(s.getKey(), s.getValue(), CLIENTS, 2), gatling);
        }
        Map<String, Object> reads = new LinkedHashMap<>();
        for (int clients : new int[]{1, CLIENTS}) {
            String users = clients + (clients == 1 ? " client" : " clients");
            Map<String, List<GatlingRun.Stats>> all = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                // scenarios interleaved, so drift in the machine's load hits all of them alike
                for (Map.Entry<String, String> s : scenarios.entrySet()) {
                    all.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(GatlingRun.measure(
                            DashboardReadSimulation.class, "reads-" + clients + "u-" + s.getKey() + "-run" + (i + 1),
                            readInputs(s.getKey(), s.getValue(), clients, SECONDS / 2), gatling));
                }
            }
            Map<String, Object> perClients = new LinkedHashMap<>();
            all.forEach((k, v) -> perClients.put(k, medianOfGatling(home, v)));
            double gatewayP50 = median(all.get("dashboardViaGateway"), GatlingRun.Stats::p50Ms);
            double directP50 = median(all.get("dashboardDirect"), GatlingRun.Stats::p50Ms);
            perClients.put("gatewayAddsP50Ms", DistrictLoader.round(gatewayP50 - directP50));
            perClients.put("gatewayAddsMeanMs", DistrictLoader.round(median(all.get("dashboardViaGateway"),
                    GatlingRun.Stats::meanMs) - median(all.get("dashboardDirect"), GatlingRun.Stats::meanMs)));
            perClients.put("throughputRatioGatewayToDirect", DistrictLoader.round(
                    median(all.get("dashboardViaGateway"), GatlingRun.Stats::okPerSecond)
                            / median(all.get("dashboardDirect"), GatlingRun.Stats::okPerSecond)));
            reads.put(users, perClients);
        }
        return reads;
    }

    /** Every Gatling report of the run, in the order they were written. */
    static List<String> reports(Path home, Path gatling) throws Exception {
        try (var walk = Files.walk(gatling, 3)) {
            return walk.filter(p -> p.getFileName().toString().equals("index.html"))
                    .sorted(Comparator.comparing(p -> p.toFile().lastModified()))
                    .map(p -> home.relativize(p).toString()).toList();
        }
    }

    static Map<String, String> readInputs(String name, String url, int users, int seconds) {
        return Map.of(DashboardReadSimulation.NAME, name, DashboardReadSimulation.URL, url,
                DashboardReadSimulation.USERS, Integer.toString(users), DashboardReadSimulation.SECONDS,
                Integer.toString(seconds));
    }

    /** Medians of Gatling runs (ok/s, mean, p50, p95, p99), their errors and the report of every run. */
    static Map<String, Object> medianOfGatling(Path home, List<GatlingRun.Stats> runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("okPerSecond", DistrictLoader.round(median(runs, GatlingRun.Stats::okPerSecond)));
        m.put("meanMs", DistrictLoader.round(median(runs, GatlingRun.Stats::meanMs)));
        m.put("p50Ms", median(runs, GatlingRun.Stats::p50Ms));
        m.put("p95Ms", median(runs, GatlingRun.Stats::p95Ms));
        m.put("p99Ms", median(runs, GatlingRun.Stats::p99Ms));
        m.put("errors", runs.stream().mapToLong(GatlingRun.Stats::ko).sum());
        m.put("runs", runs.stream().map(r -> r.asMap(home)).toList());
        return m;
    }

    static Map<String, Object> medianOfRaw(List<ClosedLoop.Result> runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("okPerSecond", DistrictLoader.round(median(runs, BenchRun::okPerSecond)));
        m.put("p50Ms", DistrictLoader.round(median(runs, r -> r.p50Micros() / 1000.0)));
        m.put("p99Ms", DistrictLoader.round(median(runs, r -> r.p99Micros() / 1000.0)));
        m.put("errors", runs.stream().mapToLong(ClosedLoop.Result::errors).sum());
        m.put("runs", runs.stream().map(r -> DistrictLoader.round(okPerSecond(r))).toList());
        return m;
    }

    static double okPerSecond(ClosedLoop.Result r) {
        return (r.requests() - r.errors()) / r.seconds();
    }

    static <T> double median(List<T> results, ToDoubleFunction<T> f) {
        return median(results.stream().mapToDouble(f).toArray());
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
        m.put("serviceJavaOptions", Platform.serviceJavaOptions());
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
