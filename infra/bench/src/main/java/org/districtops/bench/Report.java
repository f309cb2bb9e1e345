package org.districtops.bench;

import org.districtops.bench.district.DistrictSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a run's figures: {@code bench/results/<date>-<size>.json}, a hand-built SVG chart beside it (no charting
 * library resolves from the registry here), and the size's table in docs/benchmarks.md (between markers).
 */
final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Report() {
    }

    static void write(Path home, String date, DistrictSize size, Map<String, Object> result) throws Exception {
        Path dir = home.resolve("bench/results");
        Files.createDirectories(dir);
        Path json = dir.resolve(date + "-" + size + ".json");
        Files.writeString(json, JSON.writeValueAsString(result) + "\n");
        JsonNode r = JSON.readTree(Files.readString(json));
        Path svg = dir.resolve(date + "-" + size + ".svg");
        Files.writeString(svg, chart(r));
        updateDocs(home.resolve("docs/benchmarks.md"), size, table(r, dir, json.getFileName().toString(),
                svg.getFileName().toString()));
        System.out.println("Wrote " + json + ", " + svg + " and docs/benchmarks.md");
    }

    static String f(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    /** The markdown block of one size: goal, figure (beside its baseline), ratio. */
    static String table(JsonNode r, Path dir, String jsonName, String svgName) throws Exception {
        String size = r.get("size").asString();
        JsonNode w = r.get("write");
        JsonNode lag = r.get("projectionLag");
        JsonNode rp = r.get("replay");
        JsonNode read1 = r.get("reads").get("1 client");
        JsonNode read8 = r.get("reads").get(BenchRun.CLIENTS + " clients");
        JsonNode fp = r.get("footprint");
        JsonNode load = r.get("load");
        StringBuilder b = new StringBuilder();
        b.append("### Size ").append(size).append(" (").append(r.get("date").asString()).append(", seed ")
                .append(r.get("seed").asLong()).append(")\n\n");
        JsonNode d = r.get("district");
        b.append(String.format(Locale.ROOT, "District: %,d students, %,d schools, %,d educators, %,d generated events + "
                        + "OneRoster import. Machine: %d cores, %.0f GiB, load average at start `%s`, at end `%s`. "
                        + "Medians of %d runs; HTTP load by Gatling %s with %d closed-loop users (response times in whole ms; "
                        + "an HTML report per run under `%s/`, listed in the JSON). Whole run: %.0f s. "
                        + "Files: [%s](../bench/results/%s), [chart](../bench/results/%s).%n%n",
                d.get("students").asLong(), d.get("schools").asLong(), d.get("educators").asLong(),
                d.get("generatedEvents").asLong(), r.get("machine").get("cores").asInt(),
                r.get("machine").get("memoryGiB").asDouble(), r.get("machine").get("loadAverageAtStart").asString(),
                r.get("machineAtEnd").get("loadAverageAtEnd").asString(), r.get("runsPerFigure").asInt(),
                r.get("gatling").get("version").asString(), BenchRun.CLIENTS, r.get("gatling").get("resultsFolder").asString(),
                r.get("benchmarkSeconds").asDouble(), jsonName, jsonName, svgName));
        JsonNode awaited = load.path("readSidesCaughtUpBeforeMeasures");
        if (awaited.isArray() && awaited.size() < 4) {
            b.append("**Measured while read models were still catching up**: only ").append(awaited)
                    .append(" had reached the head of their event store when the measures began; the others kept "
                            + "projecting the bulk history in the background, on the same cores.\n\n");
        }
        b.append("| measure | goal | figure | raw baseline (same run) | ratio | verdict |\n|---|---|---|---|---:|---|\n");
        double writeRatio = w.get("ratio").asDouble();
        b.append(String.format(Locale.ROOT, "| 1. write path, realistic mix | ratio ≥ 0.3 | %s commands/s, p50 %s ms, p99 %s ms "
                        + "| %s inserts/s, p50 %s ms, p99 %s ms | %s | %s |%n",
                f(w.get("commandsViaGateway").get("okPerSecond").asDouble()), f(w.get("commandsViaGateway").get("p50Ms").asDouble()),
                f(w.get("commandsViaGateway").get("p99Ms").asDouble()), f(w.get("rawJdbcInsert").get("okPerSecond").asDouble()),
                f(w.get("rawJdbcInsert").get("p50Ms").asDouble()), f(w.get("rawJdbcInsert").get("p99Ms").asDouble()),
                f(writeRatio), verdict(writeRatio >= 0.3)));
        double p50 = lag.get("p50Ms").asDouble();
        double p99 = lag.get("p99Ms").asDouble();
        b.append(String.format(Locale.ROOT, "| 2. projection lag, ack → public read model | p50 ≤ 100 ms, p99 ≤ 1 s | p50 %s ms, "
                        + "p99 %s ms (%d samples) at %s commands/s | — | — | %s |%n", f(p50), f(p99), lag.get("samples").asInt(),
                f(lag.get("backgroundCommandsPerSecond").asDouble()), verdict(p50 <= 100 && p99 <= 1000)));
        double toRaw = rp.get("ratioToRawRead").asDouble();
        double toDefaults = rp.get("ratioToAxonDefaults").asDouble();
        b.append(String.format(Locale.ROOT, "| 3. replay, all read models of pd-service | ≥ 0.5× raw read, ≥ 10× Axon defaults "
                        + "| %s events/s | raw read %s events/s; Axon defaults %s events/s | %s× raw, %s× defaults | %s |%n",
                f(rp.get("platformSettings").get("eventsPerSecond").asDouble()),
                f(rp.get("rawSequentialRead").get("eventsPerSecond").asDouble()),
                f(rp.get("axonDefaults").get("eventsPerSecond").asDouble()), f(toRaw), f(toDefaults),
                verdict(toRaw >= 0.5 && toDefaults >= 10)));
        double adds = read1.get("gatewayAddsP50Ms").asDouble();
        b.append(String.format(Locale.ROOT, "| 4. plan dashboard via gateway, 1 client | gateway adds ≤ 2 ms at p50 | %s req/s, "
                        + "p50 %s ms, p99 %s ms | direct %s req/s, p50 %s ms, p99 %s ms; static file %s req/s, p50 %s ms "
                        + "| %s ms p50, %s× throughput | %s |%n",
                f(read1.get("dashboardViaGateway").get("okPerSecond").asDouble()),
                f(read1.get("dashboardViaGateway").get("p50Ms").asDouble()), f(read1.get("dashboardViaGateway").get("p99Ms").asDouble()),
                f(read1.get("dashboardDirect").get("okPerSecond").asDouble()), f(read1.get("dashboardDirect").get("p50Ms").asDouble()),
                f(read1.get("dashboardDirect").get("p99Ms").asDouble()),
                f(read1.get("staticFileViaGateway").get("okPerSecond").asDouble()),
                f(read1.get("staticFileViaGateway").get("p50Ms").asDouble()), String.format(Locale.ROOT, "%+.2f", adds),
                f(read1.get("throughputRatioGatewayToDirect").asDouble()), verdict(adds <= 2)));
        b.append(String.format(Locale.ROOT, "| 4. same, %d clients | — | %s req/s, p50 %s ms, p99 %s ms | direct %s req/s, p50 %s ms, "
                        + "p99 %s ms; static file %s req/s | %s ms p50, %s× throughput | — |%n", BenchRun.CLIENTS,
                f(read8.get("dashboardViaGateway").get("okPerSecond").asDouble()),
                f(read8.get("dashboardViaGateway").get("p50Ms").asDouble()), f(read8.get("dashboardViaGateway").get("p99Ms").asDouble()),
                f(read8.get("dashboardDirect").get("okPerSecond").asDouble()), f(read8.get("dashboardDirect").get("p50Ms").asDouble()),
                f(read8.get("dashboardDirect").get("p99Ms").asDouble()),
                f(read8.get("staticFileViaGateway").get("okPerSecond").asDouble()), String.format(Locale.ROOT, "%+.2f", read8.get("gatewayAddsP50Ms").asDouble()),
                f(read8.get("throughputRatioGatewayToDirect").asDouble())));
        JsonNode small = latest(dir, "S");
        if (small != null && !"S".equals(size)) {
            double sP99 = small.get("reads").get(BenchRun.CLIENTS + " clients").get("dashboardViaGateway").get("p99Ms").asDouble();
            double thisP99 = read8.get("dashboardViaGateway").get("p99Ms").asDouble();
            b.append(String.format(Locale.ROOT, "| 5. scale: dashboard p99 (%d clients) vs size S (%s) | at L ≤ 1.5× S | %s ms "
                            + "| S: %s ms | %s× | %s |%n", BenchRun.CLIENTS, small.get("date").asString(), f(thisP99), f(sP99),
                    f(thisP99 / sP99), "L".equals(size) ? verdict(thisP99 / sP99 <= 1.5) : "(goal is for L)"));
        }
        JsonNode rss = fp.get("rssMiBAfterLoad");
        StringBuilder procs = new StringBuilder();
        rss.properties().forEach(e -> procs.append(e.getKey()).append(' ').append(f(e.getValue().asDouble())).append(", "));
        b.append(String.format(Locale.ROOT, "| 6. footprint | — | start-up %s s; RSS MiB after load: %s | — | — | — |%n",
                f(fp.get("startSeconds").asDouble()), procs.substring(0, Math.max(0, procs.length() - 2))));
        b.append(String.format(Locale.ROOT, "| load | M in minutes | import %s educators/s (%s s); %s events written at %s events/s; "
                        + "projections caught up %s s after the first write; total %s s | — | — | — |%n",
                f(load.get("educatorsImportedPerSecond").asDouble()), f(load.get("oneRosterImportSeconds").asDouble()),
                f(load.get("eventsWritten").asDouble()), f(load.get("eventsWrittenPerSecond").asDouble()),
                f(load.get("eventsProjectedSeconds").asDouble()), f(load.get("totalLoadSeconds").asDouble())));
        return b.toString();
    }

    /** The newest results file of a size, or null. */
    static JsonNode latest(Path dir, String size) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            Path p = files.filter(f -> f.getFileName().toString().endsWith("-" + size + ".json")).sorted()
                    .reduce((a, b) -> b).orElse(null);
            return p == null ? null : JSON.readTree(Files.readString(p));
        }
    }

    static void updateDocs(Path docs, DistrictSize size, String block) throws Exception {
        String text = Files.readString(docs);
        String start = "<!-- bench:" + size + ":start -->";
        String end = "<!-- bench:" + size + ":end -->";
        String replacement = start + "\n" + block + end;
        if (text.contains(start) && text.contains(end)) {
            text = text.substring(0, text.indexOf(start)) + replacement + text.substring(text.indexOf(end) + end.length());
        } else if (text.contains("<!-- bench:results -->")) {
            text = text.replace("<!-- bench:results -->", "<!-- bench:results -->\n" + replacement + "\n");
        } else {
            text = text + "\n" + replacement + "\n";
        }
        Files.writeString(docs, text);
    }

    // ---- chart: latency percentiles (log scale) and ratios against their goals

    static String chart(JsonNode r) {
        record Bar(String label, double p50, double p99) {
        }
        JsonNode read8 = r.get("reads").get(BenchRun.CLIENTS + " clients");
        JsonNode read1 = r.get("reads").get("1 client");
        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar("static file via gateway (1 client)", read1.get("staticFileViaGateway").get("p50Ms").asDouble(),
                read1.get("staticFileViaGateway").get("p99Ms").asDouble()));
        bars.add(new Bar("dashboard direct (1 client)", read1.get("dashboardDirect").get("p50Ms").asDouble(),
                read1.get("dashboardDirect").get("p99Ms").asDouble()));
        bars.add(new Bar("dashboard via gateway (1 client)", read1.get("dashboardViaGateway").get("p50Ms").asDouble(),
                read1.get("dashboardViaGateway").get("p99Ms").asDouble()));
        bars.add(new Bar("dashboard direct (" + BenchRun.CLIENTS + " clients)", read8.get("dashboardDirect").get("p50Ms").asDouble(),
                read8.get("dashboardDirect").get("p99Ms").asDouble()));
        bars.add(new Bar("dashboard via gateway (" + BenchRun.CLIENTS + " clients)",
                read8.get("dashboardViaGateway").get("p50Ms").asDouble(), read8.get("dashboardViaGateway").get("p99Ms").asDouble()));
        bars.add(new Bar("raw JDBC insert", r.get("write").get("rawJdbcInsert").get("p50Ms").asDouble(),
                r.get("write").get("rawJdbcInsert").get("p99Ms").asDouble()));
        bars.add(new Bar("command via gateway", r.get("write").get("commandsViaGateway").get("p50Ms").asDouble(),
                r.get("write").get("commandsViaGateway").get("p99Ms").asDouble()));
        bars.add(new Bar("projection lag", r.get("projectionLag").get("p50Ms").asDouble(),
                r.get("projectionLag").get("p99Ms").asDouble()));
        record Ratio(String label, double value, double goal) {
        }
        JsonNode rp = r.get("replay");
        List<Ratio> ratios = List.of(
                new Ratio("write: gateway ÷ raw insert", r.get("write").get("ratio").asDouble(), 0.3),
                new Ratio("replay ÷ raw read", rp.get("ratioToRawRead").asDouble(), 0.5),
                new Ratio("replay ÷ Axon defaults", rp.get("ratioToAxonDefaults").asDouble(), 10),
                new Ratio("dashboard: 2 ms ÷ gateway's added p50", 2 / Math.max(0.01,
                        read1.get("gatewayAddsP50Ms").asDouble()), 1));
        int width = 900;
        int left = 260;
        int plot = width - left - 40;
        int rowH = 26;
        int top1 = 60;
        int h1 = bars.size() * rowH;
        int top2 = top1 + h1 + 90;
        int h2 = ratios.size() * rowH;
        int height = top2 + h2 + 50;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">District Operations "
                + "Platform benchmark, size %s (%s), %d cores, load %s</text>%n", r.get("size").asString(),
                r.get("date").asString(), r.get("machine").get("cores").asInt(), esc(r.get("machine").get("loadAverageAtStart").asString())));
        s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-weight=\"bold\">Latency, ms (log scale): p50 dark, p99 light</text>%n", top1 - 12));
        double min = 0.1;
        double max = 10_000;
        for (double tick = min; tick <= max; tick *= 10) {
            int x = left + (int) (plot * Math.log10(tick / min) / Math.log10(max / min));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%d\" fill=\"#666\" text-anchor=\"middle\">%s</text>%n", x, top1, x, top1 + h1, x,
                    top1 + h1 + 14, tick < 1 ? String.valueOf(tick) : String.valueOf((long) tick)));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = top1 + i * rowH;
            int x99 = (int) (plot * Math.log10(Math.max(b.p99(), min) / min) / Math.log10(max / min));
            int x50 = (int) (plot * Math.log10(Math.max(b.p50(), min) / min) / Math.log10(max / min));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 8, y + 16, esc(b.label())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#9ecae1\"/>%n", left, y + 3, Math.max(1, x99)));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#3182bd\"/>%n", left, y + 3, Math.max(1, x50)));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#333\">%s / %s</text>%n", left + Math.max(x99, 1) + 4,
                    y + 16, f(b.p50()), f(b.p99())));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-weight=\"bold\">Ratios against their goals (log scale; "
                + "the line is the goal, green = met)</text>%n", top2 - 12));
        double rMin = 0.01;
        double rMax = 1000;
        for (int i = 0; i < ratios.size(); i++) {
            Ratio q = ratios.get(i);
            int y = top2 + i * rowH;
            int x = (int) (plot * Math.log10(Math.max(q.value(), rMin) / rMin) / Math.log10(rMax / rMin));
            int xg = (int) (plot * Math.log10(q.goal() / rMin) / Math.log10(rMax / rMin));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 8, y + 16, esc(q.label())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\"/>%n", left, y + 3,
                    Math.max(1, x), q.value() >= q.goal() ? "#74c476" : "#fb6a4a"));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\" stroke-width=\"2\"/>%n",
                    left + xg, y + 1, left + xg, y + 23));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#333\">%s (goal %s)</text>%n",
                    left + Math.max(x, xg) + 6, y + 16, f(q.value()), f(q.goal())));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
