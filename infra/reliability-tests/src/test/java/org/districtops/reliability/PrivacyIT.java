package org.districtops.reliability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.districtops.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Privacy: no public answer carries personal data, public counts about people below 10 are suppressed, and after
 * an erasure request nothing readable of the person is left in the event store, the read models or the logs.
 */
class PrivacyIT {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PEOPLE_COUNT = Pattern.compile("(?i)count|educators|students|learners|people|placements|awards|earners|holders|participants|cohort");
    /**
     * What a published count about people may look like (kit SmallCells): under the threshold, withheld, or a band
     * as wide as the threshold ("10-19"), never an exact number that two answers could be subtracted from.
     */
    private static final Pattern PUBLISHABLE_COUNT = Pattern.compile("<\\d+|suppressed|withheld.*|unavailable|(\\d*)0-\\1(9)");
    private static final List<String> PERSONAL = List.of(SeedData.EDUCATOR_GIVEN, SeedData.EDUCATOR_FAMILY,
            SeedData.EDUCATOR_EMAIL, SeedData.CONTACT_NAME, SeedData.CONTACT_EMAIL);

    @Test
    void noPublicAnswerCarriesPersonalDataAndSmallCountsAreSuppressed() throws Exception {
        Map<String, String> ids = SeedData.ids();
        List<String> leaks = new ArrayList<>();
        List<String> smallCells = new ArrayList<>();
        int scanned = 0;
        for (InProcessServices.Service service : InProcessServices.all().values()) {
            for (RouteCatalog.Route route : RouteCatalog.routes(service)) {
                if (!route.method().equals("GET") || !route.pattern().startsWith("/public/")) {
                    continue;
                }
                for (String asOf : List.of("", "?asOf=2026-01-01", "?from=2025-01-01&to=2026-12-31")) {
                    HttpResponse<String> r = Http.json("GET", service.base() + route.expand(SeedData::pathValue) + asOf, null, null);
                    scanned++;
                    String body = r.body();
                    PERSONAL.stream().filter(body::contains).forEach(p -> leaks.add(route.key() + ": " + p));
                    var m = EMAIL.matcher(body);
                    while (m.find()) {
                        leaks.add(route.key() + ": e-mail address " + m.group());
                    }
                    if (ids.containsKey("educatorId") && body.contains(ids.get("educatorId"))
                            && !route.pattern().contains("{educatorId}")) {
                        leaks.add(route.key() + ": an educator id");
                    }
                    if (r.statusCode() == 200 && r.headers().firstValue("Content-Type").orElse("").contains("json")
                            && (route.pattern().contains("figures") || route.pattern().contains("proven-models"))) {
                        walk(JsonMapper.builder().build().readTree(body), "", route.key(), smallCells);
                    }
                }
            }
        }
        assertThat(scanned).isGreaterThan(30);
        assertThat(leaks).as("personal data in public answers").isEmpty();
        assertThat(smallCells).as("public counts about people between 1 and 9, or exact (differencing)").isEmpty();
    }

    private static void walk(JsonNode node, String name, String route, List<String> out) {
        if (node.isIntegralNumber() && PEOPLE_COUNT.matcher(name).find() && node.asLong() > 0 && node.asLong() < 10) {
            out.add(route + " " + name + "=" + node.asLong());
        }
        // an exact count, even of 10 or more, lets two answers (two dates) be subtracted to reveal a small group
        if (node.isString() && PEOPLE_COUNT.matcher(name).find() && !PUBLISHABLE_COUNT.matcher(node.asString()).matches()) {
            out.add(route + " " + name + "=\"" + node.asString() + "\" (not suppressed or banded)");
        }
        if (node.isObject()) {
            node.properties().forEach(e -> walk(e.getValue(), e.getKey(), route, out));
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, name, route, out));
        }
    }

    @Test
    void afterErasureNoReadablePersonalDataRemainsInEventsReadModelsOrLogs() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            String d = Principals.DISTRICT;
            InProcessServices.Service pd = InProcessServices.get("pd");
            String staff = TestTokens.token("privacy-pd", d, "pd-staff");
            String given = "Ermengarde";
            String family = "Pfefferkorn-Ilves";
            String email = "ermengarde.pi@rel-erasure.example";
            HttpResponse<String> created = Http.json("POST", pd.base() + "/districts/" + d + "/educators", staff,
                    "{\"givenName\":\"" + given + "\",\"familyName\":\"" + family + "\",\"email\":\"" + email + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String educatorId = JsonMapper.builder().build().readTree(created.body()).get("educatorId").asString();
            HttpResponse<String> before = Http.json("GET", pd.base() + "/districts/" + d + "/educators/" + educatorId, staff, null);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!before.body().contains(family) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                before = Http.json("GET", pd.base() + "/districts/" + d + "/educators/" + educatorId, staff, null);
            }
            assertThat(before.body()).as("staff see the person before erasure").contains(family);

            HttpResponse<String> erased = Http.json("DELETE", pd.base() + "/districts/" + d + "/educators/" + educatorId
                    + "/personal-data", staff, null);
            assertThat(erased.statusCode()).as(erased.body()).isBetween(200, 204);
            Thread.sleep(1_000); // projections apply the erasure event

            List<String> found = new ArrayList<>();
            JdbcTemplate jdbc = pd.context().getBean(JdbcTemplate.class);
            jdbc.query("select payload, meta_data from domain_event_entry", rs -> {
                String row = new String(rs.getBytes(1), StandardCharsets.UTF_8) + new String(rs.getBytes(2), StandardCharsets.UTF_8);
                for (String p : List.of(given, family, email)) {
                    if (row.contains(p)) {
                        found.add("event store: " + p);
                    }
                }
            });
            MongoDatabase db = pd.context().getBean("readSideDatabase", MongoDatabase.class);
            for (String name : db.listCollectionNames()) {
                for (Document doc : db.getCollection(name).find()) {
                    String json = doc.toJson();
                    for (String p : List.of(given, family, email)) {
                        if (json.contains(p)) {
                            found.add("read model " + name + ": " + p);
                        }
                    }
                }
            }
            for (ILoggingEvent e : logs.list) {
                for (String p : List.of(given, family, email)) {
                    if (e.getFormattedMessage().contains(p)) {
                        found.add("log: " + e.getFormattedMessage());
                    }
                }
            }
            HttpResponse<String> after = Http.json("GET", pd.base() + "/districts/" + d + "/educators/" + educatorId, staff, null);
            if (after.body().contains(family) || after.body().contains(email)) {
                found.add("staff API after erasure: " + after.body());
            }
            assertThat(found).as("personal data left after erasure").isEmpty();
        } finally {
            root.detachAppender(logs);
        }
    }
}
