package org.districtops.pd.roster;

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

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.districtops.testsupport.ApiClient.JSON;

/**
 * A generated OneRoster 1.2 package of 2 schools and 30 teachers (plus a district org, a student and bad rows):
 * imported with a per-row report, re-imported without any change, then a delta with changed rows updates
 * educators instead of duplicating them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dop.vision.uri=http://127.0.0.1:9")
class OneRosterImportIT {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "pd_roster_it");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoRoster demoRoster;

    private final String district = "roster-" + UUID.randomUUID().toString().substring(0, 8);
    private final String staff = TestTokens.token("pdstaff", district, "pd-staff");

    static byte[] zip(Map<String, String> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static Map<String, String> rosterFiles(String mode, String emailOfTeacher1, String schoolOfTeacher2) {
        StringBuilder users = new StringBuilder(
                "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,email,primaryOrgSourcedId\n");
        StringBuilder roles = new StringBuilder("sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\n");
        for (int i = 1; i <= 30; i++) {
            String school = i == 2 ? schoolOfTeacher2 : (i % 2 == 0 ? "sch-2" : "sch-1");
            String email = i == 1 ? emailOfTeacher1 : "teacher" + i + "@district.example";
            users.append("t-%03d,active,2026-01-05,true,teacher%d,Given%d,Family%d,%s,%s\n"
                    .formatted(i, i, i, i, email, school));
            roles.append("r-%d,active,2026-01-05,t-%03d,primary,teacher,%s\n".formatted(i, i, school));
        }
        users.append("s-001,active,2026-01-05,true,student1,Stu,Dent,stu@district.example,sch-1\n");
        roles.append("r-s1,active,2026-01-05,s-001,primary,student,sch-1\n");
        users.append("t-bad1,active,2026-01-05,true,bad1,,Nogiven,bad1@district.example,sch-1\n");
        roles.append("r-b1,active,2026-01-05,t-bad1,primary,teacher,sch-1\n");
        users.append("t-bad2,active,2026-01-05,true,bad2,Lost,Teacher,bad2@district.example,sch-9\n");
        roles.append("r-b2,active,2026-01-05,t-bad2,primary,teacher,sch-9\n");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", """
                propertyName,value
                manifest.version,1.0
                oneroster.version,1.2
                file.orgs,%s
                file.users,%s
                file.roles,%s
                """.formatted(mode, mode, mode));
        files.put("orgs.csv", """
                sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
                dist-1,active,2026-01-05,Demo District,district,D1,
                sch-1,active,2026-01-05,Jefferson Elementary,school,S1,dist-1
                sch-2,active,2026-01-05,Lincoln Middle,school,S2,dist-1
                sch-x,active,2026-01-05,Bad Org,campus,SX,dist-1
                """);
        files.put("users.csv", users.toString());
        files.put("roles.csv", roles.toString());
        return files;
    }

    private JsonNode upload(byte[] zip, int status) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/pd/districts/" + district + "/oneroster-imports"))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                Integer.class, district + "/%");
    }

    @Test
    void givenAFirstEmbeddedStartWhenTheDemoRosterIsSeededThenTheDemoEducatorExistsOnceWithoutPersonalDataInEvents()
            throws Exception {
        ApiClient api = new ApiClient("http://localhost:" + port + "/api/pd");
        String eli = OneRosterImport.educatorId(district, DemoRoster.SOURCED_ID);

        OneRosterImport.Report first = demoRoster.seed(district);

        assertThat(first.educatorsCreated()).isEqualTo(1);
        assertThat(first.schoolsAccepted()).isEqualTo(1);
        assertThat(first.rejected()).isEmpty();
        JsonNode educator = api.await("/districts/" + district + "/educators/" + eli, staff, e -> e.has("educatorId"));
        assertThat(educator.get("name").asString()).isEqualTo("Eli Educator");
        assertThat(educator.get("sourcedId").asString()).isEqualTo(DemoRoster.SOURCED_ID);
        int events = events();
        assertThat(demoRoster.seed(district)).as("a later start imports nothing").isNull();
        assertThat(events()).isEqualTo(events);
        String payloads = String.join("\n", jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                String.class, district + "/%"));
        assertThat(payloads).contains(eli).doesNotContain("Eli").doesNotContain("eli.educator@example.org");
    }

    @Test
    void importReImportAndDelta() throws Exception {
        ApiClient api = new ApiClient("http://localhost:" + port + "/api/pd");
        JsonNode report = upload(zip(rosterFiles("bulk", "teacher1@district.example", "sch-2")), 200);
        assertThat(report.get("schoolsAccepted").asInt()).isEqualTo(2);
        assertThat(report.get("educatorsAccepted").asInt()).isEqualTo(30);
        assertThat(report.get("educatorsCreated").asInt()).isEqualTo(30);
        assertThat(report.get("skipped").asInt()).isEqualTo(2); // the district org and the student
        assertThat(report.get("rejected").size()).isEqualTo(3);
        assertThat(report.get("rejected").findValuesAsString("field")).containsExactlyInAnyOrder("type", "givenName",
                "primaryOrgSourcedId");
        assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(5); // orgs.csv, the 'campus' row
        api.await("/districts/" + district + "/educators", staff, e -> e.size() == 30);
        int eventsAfterImport = events();
        assertThat(eventsAfterImport).isEqualTo(32);

        // the same file again: nothing changes
        JsonNode again = upload(zip(rosterFiles("bulk", "teacher1@district.example", "sch-2")), 200);
        assertThat(again.get("educatorsUnchanged").asInt()).isEqualTo(30);
        assertThat(events()).isEqualTo(eventsAfterImport);

        // a delta with a changed email and a changed school: updated, not duplicated
        String teacher1 = OneRosterImport.educatorId(district, "t-001");
        String teacher2 = OneRosterImport.educatorId(district, "t-002");
        JsonNode delta = upload(zip(rosterFiles("delta", "new.address@district.example", "sch-1")), 200);
        assertThat(delta.get("educatorsUpdated").asInt()).isEqualTo(2);
        assertThat(delta.get("educatorsCreated").asInt()).isEqualTo(0);
        assertThat(events()).isEqualTo(eventsAfterImport + 1); // only teacher 2's school change is an event
        assertThat(api.await("/districts/" + district + "/educators/" + teacher1, staff, e -> true).get("email").asString())
                .isEqualTo("new.address@district.example");
        assertThat(api.await("/districts/" + district + "/educators/" + teacher2, staff,
                e -> e.get("schoolIds").get(0).asString().equals("sch-1")).get("name").asString()).isEqualTo("Given2 Family2");
        assertThat(api.get("/districts/" + district + "/educators", staff).body()).doesNotContain("Given");
        assertThat(ApiClient.body(api.get("/districts/" + district + "/educators", staff), 200).size()).isEqualTo(30);
    }

    @Test
    void aBrokenPackageIsA400NamingTheFile() throws Exception {
        JsonNode problem = upload("not a zip".getBytes(StandardCharsets.UTF_8), 400);
        assertThat(problem.get("errors").findValuesAsString("field")).contains("file");
        Map<String, String> noUsersColumn = rosterFiles("bulk", "a@b.example", "sch-2");
        noUsersColumn.put("users.csv", "sourcedId,familyName\nt-1,X\n");
        assertThat(upload(zip(noUsersColumn), 400).get("errors").findValuesAsString("field")).contains("users.csv");
    }
}
