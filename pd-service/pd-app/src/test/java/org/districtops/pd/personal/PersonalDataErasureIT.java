package org.districtops.pd.personal;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.TestStores;
import org.districtops.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.districtops.testsupport.ApiClient.body;

/**
 * Erasure by crypto-shredding: after an educator's key is deleted, neither MongoDB nor PostgreSQL holds their
 * name or email in readable form (every collection and every table is searched), their awards and credentials
 * still work under the opaque id, and the event store never held the name at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dop.vision.uri=http://127.0.0.1:9")
class PersonalDataErasureIT {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "pd_erasure_it");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase readSideDatabase;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataStore store;

    private final String district = "erase-" + UUID.randomUUID().toString().substring(0, 8);
    private final String staff = TestTokens.token("pdstaff", district, "pd-staff");
    private static final String NAME = "Zebulon";
    private static final String FAMILY = "Quokkafeld";
    private static final String EMAIL = "zebulon.quokkafeld@example.org";

    @Test
    void afterErasureNoReadablePersonalDataRemainsAnywhere() throws Exception {
        ApiClient api = new ApiClient("http://localhost:" + port + "/api/pd");
        String educator = body(api.post("/districts/" + district + "/educators", staff, """
                {"givenName":"%s","familyName":"%s","email":"%s","schoolIds":["school-1"]}""".formatted(NAME, FAMILY, EMAIL)),
                201).get("educatorId").asString();
        JsonNode before = api.await("/districts/" + district + "/educators/" + educator, staff, e -> true);
        assertThat(before.get("name").asString()).isEqualTo(NAME + " " + FAMILY);
        assertThat(before.get("email").asString()).isEqualTo(EMAIL);
        String badge = body(api.post("/districts/" + district + "/badges", staff, """
                {"name":"Data privacy","description":"d","criteria":"c","pdHours":2}"""), 201).get("badgeId").asString();
        api.await("/public/districts/" + district + "/badges/" + badge, null, b -> true);
        String award = body(api.post("/districts/" + district + "/badges/" + badge + "/awards", staff,
                "{\"educatorId\":\"" + educator + "\"}"), 201).get("awardId").asString();
        api.await("/districts/" + district + "/awards/" + award, staff, a -> true);

        // names are never in the event store nor the read side, even before erasure (only ciphertext in Postgres)
        assertThat(readableCopies()).isEmpty();

        // the educator asks for erasure themselves
        body(api.send("DELETE", "/districts/" + district + "/educators/" + educator + "/personal-data",
                TestTokens.educatorToken(educator, district), null, null), 200);
        JsonNode after = api.await("/districts/" + district + "/educators/" + educator, staff,
                e -> e.get("erased").asBoolean());
        assertThat(after.get("name").isNull()).isTrue();
        assertThat(after.has("email")).isFalse();
        assertThat(store.get(educator)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pd_educator_data WHERE educator_id = ?", Integer.class, educator))
                .as("the ciphertext may remain: without its key it is unreadable").isEqualTo(1);
        assertThat(readableCopies()).isEmpty();

        // the award and its credential still work under the opaque id
        JsonNode credential = body(api.get("/districts/" + district + "/awards/" + award + "/credential", staff), 200);
        JsonNode verified = body(api.post("/public/verify", null,
                "{\"credential\":\"" + credential.get("jwt").asString() + "\"}"), 200);
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(api.send("DELETE", "/districts/" + district + "/educators/" + educator + "/personal-data", staff, null, null)
                .statusCode()).isEqualTo(409);
    }

    /** Every place in MongoDB and PostgreSQL where the name or email can be read as text. */
    private List<String> readableCopies() {
        List<String> found = new ArrayList<>();
        for (String collection : readSideDatabase.listCollectionNames()) {
            for (Document d : readSideDatabase.getCollection(collection).find()) {
                String json = d.toJson();
                if (json.contains(FAMILY) || json.contains(EMAIL) || json.contains(NAME)) {
                    found.add("mongo " + collection + ": " + json);
                }
            }
        }
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
        assertThat(tables).contains("domain_event_entry", "pd_educator_data", "pd_educator_key");
        for (String table : tables) {
            jdbc.query("SELECT * FROM " + table, rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    byte[] raw = rs.getBytes(c);
                    String text = raw == null ? "" : new String(raw, StandardCharsets.ISO_8859_1);
                    if (text.contains(FAMILY) || text.contains(EMAIL) || text.contains(NAME)) {
                        found.add("postgres " + table + "." + meta.getColumnName(c));
                    }
                }
            });
        }
        return found;
    }
}
