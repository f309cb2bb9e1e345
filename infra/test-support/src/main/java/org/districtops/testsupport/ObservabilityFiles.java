package org.districtops.testsupport;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards and Prometheus rules under {@code infra/observability}: parses them (a broken file fails
 * the test) and lists every metric name their PromQL refers to, so a test can hold them against a real scrape of
 * {@code /actuator/prometheus}.
 */
public final class ObservabilityFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");
    /** Series Prometheus makes itself for every scrape target; no application exposes them. */
    private static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private ObservabilityFiles() {
    }

    /** {@code infra/observability} of this checkout, found from the module a test runs in. */
    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("infra/observability");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("infra/observability not found above " + Path.of("").toAbsolutePath());
    }

    /** Every PromQL expression of the dashboards and rule files, by the file (and panel or rule) it is in. */
    public static Map<String, String> expressions() {
        Map<String, String> expressions = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory())) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = directory().relativize(file).toString();
                if (name.startsWith("grafana/dashboards/") && name.endsWith(".json")) {
                    JsonNode dashboard = JSON.readTree(Files.readString(file));
                    assertThat(dashboard.path("title").asString()).as(name + " has a title").isNotBlank();
                    assertThat(dashboard.path("uid").asString()).as(name + " has a uid").isNotBlank();
                    for (JsonNode panel : dashboard.path("panels")) {
                        for (JsonNode target : panel.path("targets")) {
                            expressions.put(name + " › " + panel.path("title").asString() + " › "
                                    + target.path("refId").asString(), target.path("expr").asString());
                        }
                    }
                } else if (name.startsWith("prometheus/") && name.endsWith("rules.yml")) {
                    Map<String, Object> rules = new Yaml().load(Files.readString(file));
                    for (Object group : (List<?>) rules.get("groups")) {
                        for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                            Map<?, ?> r = (Map<?, ?>) rule;
                            Object id = r.get("alert") != null ? r.get("alert") : r.get("record");
                            assertThat(id).as(name + ": every rule is an alert or a recording rule").isNotNull();
                            expressions.put(name + " › " + id, String.valueOf(r.get("expr")));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(expressions).as("dashboards and rules with expressions").isNotEmpty();
        expressions.forEach((where, expr) -> assertThat(expr).as(where).isNotBlank());
        return expressions;
    }

    /** Metric names an expression selects: identifiers outside label matchers, ranges, strings and functions. */
    public static Set<String> metricNames(String promql) {
        String s = promql.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\w+", " "); // dashboard variables
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String word = m.group();
            int next = m.end();
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            boolean function = next < s.length() && s.charAt(next) == '(';
            boolean partOfNumber = m.start() > 0 && (Character.isDigit(s.charAt(m.start() - 1)) || s.charAt(m.start() - 1) == '.');
            if (!function && !partOfNumber && !PROMQL_WORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    /** Every metric name referenced, with where. */
    public static Map<String, List<String>> referencedMetrics() {
        Map<String, List<String>> names = new TreeMap<>();
        expressions().forEach((where, expr) -> metricNames(expr)
                .forEach(name -> names.computeIfAbsent(name, n -> new ArrayList<>()).add(where)));
        return names;
    }

    /** Names of the samples in a Prometheus text exposition. */
    public static Set<String> exposedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Matcher m = IDENTIFIER.matcher(line);
                if (m.lookingAt()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }

    /** Fails naming every referenced metric of this component ({@code ours}) that the scrape does not expose. */
    public static void assertReferencedMetricsExposed(String scrape, java.util.function.Predicate<String> ours) {
        Set<String> exposed = exposedNames(scrape);
        Map<String, List<String>> missing = new TreeMap<>();
        referencedMetrics().forEach((name, where) -> {
            if (ours.test(name) && !exposed.contains(name) && !PROMETHEUS_SERIES.contains(name)) {
                missing.put(name, where);
            }
        });
        assertThat(missing).as("metrics the dashboards and alerts use but a running instance does not expose").isEmpty();
    }

    /** Metrics only the gateway has (circuit breakers, rate limits); everything else comes from every service. */
    public static boolean gatewayMetric(String name) {
        return name.startsWith("resilience4j_") || name.startsWith("dop_gateway_") || name.startsWith("spring_cloud_gateway_");
    }
}
