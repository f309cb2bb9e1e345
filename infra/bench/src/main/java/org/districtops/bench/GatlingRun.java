package org.districtops.bench;

import io.gatling.javaapi.core.Simulation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one Gatling simulation in this JVM ({@code io.gatling.app.Gatling}, as its Maven plugin does in a forked one),
 * with the simulation's inputs as system properties, its HTML report in its own folder under the run's target folder,
 * and reads the figures back from the report's {@code js/stats.js} (Gatling 3.13 writes its simulation log in a binary
 * format and the statistics only into that file).
 */
final class GatlingRun {

    /**
     * One simulation's figures: all requests together, and the count of each request name. Gatling records and
     * reports response times in whole milliseconds, so percentiles and the mean have that resolution.
     */
    record Stats(String label, Path report, long ok, long ko, double okPerSecond, double meanMs, double p50Ms,
                 double p75Ms, double p95Ms, double p99Ms, double maxMs, Map<String, Long> requestsByName) {

        Map<String, Object> asMap(Path home) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", ok);
            m.put("ko", ko);
            m.put("okPerSecond", DistrictLoader.round(okPerSecond));
            m.put("meanMs", meanMs);
            m.put("p50Ms", p50Ms);
            m.put("p75Ms", p75Ms);
            m.put("p95Ms", p95Ms);
            m.put("p99Ms", p99Ms);
            m.put("maxMs", maxMs);
            m.put("requests", requestsByName);
            m.put("report", home.relativize(report.resolve("index.html")).toString());
            return m;
        }
    }

    private static final JsonMapper JS_OBJECT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private GatlingRun() {
    }

    /** Runs the simulation without writing a report (warm-ups). */
    static void warmUp(Class<? extends Simulation> simulation, Map<String, String> inputs, Path resultsRoot) throws Exception {
        Path folder = resultsRoot.resolve("warm-up");
        run(simulation, "warm-up", inputs, folder, true);
    }

    /** Runs the simulation, writes its HTML report under {@code resultsRoot/label/} and returns its figures. */
    static Stats measure(Class<? extends Simulation> simulation, String label, Map<String, String> inputs, Path resultsRoot)
            throws Exception {
        Path folder = resultsRoot.resolve(label);
        run(simulation, label, inputs, folder, false);
        Path report;
        try (Stream<Path> reports = Files.list(folder)) {
            report = reports.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report into " + folder));
        }
        Stats stats = read(label, report);
        System.out.printf(Locale.ROOT, "  %-44s %8.1f ok/s  p50 %5.0f ms  p99 %5.0f ms  mean %7.2f ms  ko %d%n", label,
                stats.okPerSecond(), stats.p50Ms(), stats.p99Ms(), stats.meanMs(), stats.ko());
        return stats;
    }

    private static void run(Class<? extends Simulation> simulation, String label, Map<String, String> inputs, Path folder,
                            boolean noReports) throws Exception {
        BenchRun.deleteRecursively(folder);
        Files.createDirectories(folder);
        inputs.forEach(System::setProperty);
        try {
            List<String> args = new java.util.ArrayList<>(List.of("--simulation", simulation.getName(),
                    "--results-folder", folder.toString(), "--run-description", label));
            if (noReports) {
                args.add("--no-reports");
            }
            int status = io.gatling.app.Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("Gatling run " + label + " ended with status " + status);
            }
        } finally {
            inputs.keySet().forEach(System::clearProperty);
        }
    }

    /** The statistics Gatling put into its report: {@code js/stats.js} holds them as a JavaScript object literal. */
    static Stats read(String label, Path report) throws Exception {
        String js = Files.readString(report.resolve("js/stats.js"));
        int start = js.indexOf('{');
        int end = matchingBrace(js, start);
        JsonNode root = JS_OBJECT.readTree(js.substring(start, end + 1));
        JsonNode all = root.get("stats");
        Map<String, Long> byName = new LinkedHashMap<>();
        JsonNode contents = root.path("contents");
        contents.properties().forEach(e -> byName.put(e.getValue().path("stats").path("name").asString(e.getKey()),
                (long) number(e.getValue().path("stats").path("numberOfRequests").path("total"))));
        return new Stats(label, report, (long) number(all.path("numberOfRequests").path("ok")),
                (long) number(all.path("numberOfRequests").path("ko")),
                number(all.path("meanNumberOfRequestsPerSecond").path("ok")), number(all.path("meanResponseTime").path("total")),
                number(all.path("percentiles1").path("total")), number(all.path("percentiles2").path("total")),
                number(all.path("percentiles3").path("total")), number(all.path("percentiles4").path("total")),
                number(all.path("maxResponseTime").path("total")), byName);
    }

    /** Gatling writes numbers as strings and "-" where there is none (e.g. no failed request). */
    private static double number(JsonNode node) {
        String text = node.isMissingNode() || node.isNull() ? "-" : node.asString();
        return text.isEmpty() || "-".equals(text) ? 0 : Double.parseDouble(text.replace(",", ""));
    }

    private static int matchingBrace(String s, int start) {
        int depth = 0;
        boolean quoted = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && s.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
            } else if (!quoted && c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced stats.js");
    }
}
