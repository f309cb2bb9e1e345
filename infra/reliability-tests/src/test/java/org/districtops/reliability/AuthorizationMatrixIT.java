package org.districtops.reliability;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of every service (read from Spring's handler mapping) x every role, anonymous, another district
 * and another partner organisation, against the expectation written down in {@code authz-matrix.csv}.
 * Cell values: {@code ok} (authorized: any answer but 401/403/404, e.g. 2xx or a 400 about the input),
 * {@code 401}, {@code 403}, {@code 404} (authorized for the route, the placeholder object does not exist: the
 * same row shows 403 for roles that are refused before the lookup). A route missing from the table, or a row
 * for a route that no longer exists, fails the test. The observed table is written to
 * target/authz-matrix-observed.csv for review.
 */
class AuthorizationMatrixIT {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationMatrixIT.class);
    static final String TABLE = "authz-matrix.csv";

    @Test
    void everyRouteAnswersEveryPrincipalAsTheTableSays() throws Exception {
        Map<String, String> tokens = Principals.tokens();
        Map<String, Map<String, String>> expected = readTable();
        Map<String, Map<String, String>> observed = new LinkedHashMap<>();
        Map<String, Map<String, String>> statuses = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int cells = 0;
        for (InProcessServices.Service service : InProcessServices.all().values()) {
            tools.jackson.databind.JsonNode openApi = Http.openApi(service.base());
            Files.writeString(Path.of("target", "openapi-" + service.name() + ".json"), openApi.toString());
            SampleBodies bodies = new SampleBodies(openApi);
            for (RouteCatalog.Route route : RouteCatalog.routes(service)) {
                if (!seen.add(route.key())) {
                    continue; // /error is mapped twice (JSON and HTML): same path, same access
                }
                String url = service.base() + route.expand(Principals::pathValue);
                String body = route.hasBody() ? bodies.bodyFor(route.method(), route.pattern()) : null;
                String contentType = route.hasBody() ? bodies.contentType(route.method(), route.pattern()) : null;
                Map<String, String> row = new LinkedHashMap<>();
                for (Map.Entry<String, String> principal : tokens.entrySet()) {
                    HttpResponse<String> r = Http.send(route.method(), url, principal.getValue(), contentType,
                            body == null ? null : body.getBytes(StandardCharsets.UTF_8), Map.of());
                    String outcome = outcome(r.statusCode());
                    row.put(principal.getKey(), outcome);
                    statuses.computeIfAbsent(route.key(), k -> new LinkedHashMap<>()).put(principal.getKey(),
                            Integer.toString(r.statusCode()));
                    cells++;
                    if (r.statusCode() >= 500) {
                        violations.add(route.key() + " as " + principal.getKey() + ": " + r.statusCode() + " " + r.body());
                    }
                    invariant(route, principal.getKey(), outcome).ifPresent(v -> violations.add(route.key() + " as "
                            + principal.getKey() + ": " + v + " (" + r.statusCode() + " " + abbreviate(r.body()) + ")"));
                }
                observed.put(route.key(), row);
                Map<String, String> want = expected.get(route.key());
                if (want == null) {
                    violations.add(route.key() + ": not in " + TABLE + " (add a row: observed " + row + ")");
                    continue;
                }
                row.forEach((who, got) -> {
                    if (!got.equals(want.get(who))) {
                        violations.add(route.key() + " as " + who + ": expected " + want.get(who) + ", got " + got);
                    }
                });
            }
        }
        Set<String> stale = new LinkedHashSet<>(expected.keySet());
        stale.removeAll(observed.keySet());
        stale.forEach(key -> violations.add(key + ": in " + TABLE + " but no such route any more"));
        write("authz-matrix-observed.csv", observed, tokens.keySet());
        write("authz-matrix-statuses.csv", statuses, tokens.keySet());
        log.info("Authorization matrix: {} routes x {} principals = {} cells tested, {} violations",
                observed.size(), tokens.size(), cells, violations.size());
        assertThat(observed.size()).as("routes found").isGreaterThan(100);
        assertThat(violations).as("authorization violations").isEmpty();
    }

    static String outcome(int status) {
        return switch (status) {
            case 401 -> "401";
            case 403 -> "403";
            case 404 -> "404";
            default -> status >= 500 ? "5xx" : "ok";
        };
    }

    /**
     * Rules that hold whatever the table says: only public routes (and the API description) are anonymous, and
     * an account of another district is refused everywhere under /districts/{districtId}.
     */
    static java.util.Optional<String> invariant(RouteCatalog.Route route, String principal, String outcome) {
        boolean open = route.pattern().startsWith("/public/") || route.pattern().startsWith("/v3/api-docs")
                || route.pattern().startsWith("/swagger-ui") || route.pattern().equals("/error");
        if (principal.equals("anonymous") && !open && !outcome.equals("401")) {
            return java.util.Optional.of("anonymous reached a non-public route");
        }
        if (principal.equals("other-district") && route.pattern().startsWith("/districts/{districtId}")
                && !outcome.equals("403")) {
            return java.util.Optional.of("an account of another district was not refused");
        }
        // platform operations are the platform operator's alone, whatever a district account holds (issue 10)
        if (route.pattern().startsWith("/admin/") && !principal.equals("platform-admin") && !principal.equals("anonymous")
                && !outcome.equals("403")) {
            return java.util.Optional.of("a district account reached a platform operation");
        }
        return java.util.Optional.empty();
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    static Map<String, Map<String, String>> readTable() throws Exception {
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        try (Reader in = new InputStreamReader(AuthorizationMatrixIT.class.getResourceAsStream("/" + TABLE),
                StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').get().parse(in)) {
                Map<String, String> row = new LinkedHashMap<>(record.toMap());
                String key = row.remove("service") + " " + row.remove("method") + " " + row.remove("path");
                table.put(key, row);
            }
        }
        return table;
    }

    private static void write(String file, Map<String, Map<String, String>> observed, Set<String> principals) throws Exception {
        Path out = Path.of("target", file);
        List<String> header = new ArrayList<>(List.of("service", "method", "path"));
        header.addAll(principals);
        try (CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(out),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (Map.Entry<String, Map<String, String>> e : observed.entrySet()) {
                List<String> values = new ArrayList<>(List.of(e.getKey().split(" ", 3)));
                values.addAll(e.getValue().values());
                printer.printRecord(values);
            }
        }
    }
}
