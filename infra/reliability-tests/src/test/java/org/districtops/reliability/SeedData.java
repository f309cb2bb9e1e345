package org.districtops.reliability;

import org.districtops.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Objects with recognisable personal data in every service, created through the API once per test JVM: the
 * privacy scan looks for these names and addresses in public answers, events, read models and logs.
 */
public final class SeedData {

    public static final String EDUCATOR_GIVEN = "Zebulon";
    public static final String EDUCATOR_FAMILY = "Quartermaine";
    public static final String EDUCATOR_EMAIL = "zebulon.quartermaine@rel-seed.example";
    public static final String CONTACT_NAME = "Philippa Underhill-Voss";
    public static final String CONTACT_EMAIL = "philippa.uv@rel-seed.example";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Map<String, String> ids;

    private SeedData() {
    }

    /** Path-variable values of the seeded objects (educatorId, partnerId, planId, badgeId, pilotId). */
    public static synchronized Map<String, String> ids() throws Exception {
        if (ids == null) {
            Map<String, String> seeded = new LinkedHashMap<>();
            String d = Principals.DISTRICT;
            String pd = InProcessServices.get("pd").base();
            String pdStaff = TestTokens.token("seed-pd", d, "pd-staff");
            seeded.put("educatorId", created(Http.json("POST", pd + "/districts/" + d + "/educators", pdStaff,
                    "{\"givenName\":\"" + EDUCATOR_GIVEN + "\",\"familyName\":\"" + EDUCATOR_FAMILY + "\",\"email\":\""
                            + EDUCATOR_EMAIL + "\"}")).get("educatorId").asString());
            seeded.put("badgeId", created(Http.json("POST", pd + "/districts/" + d + "/badges", pdStaff,
                    "{\"name\":\"Seed badge\",\"description\":\"About seeds\",\"criteria\":\"Plant one\",\"pdHours\":5}"))
                    .get("badgeId").asString());

            String partnership = InProcessServices.get("partnership").base();
            String staff = TestTokens.token("seed-staff", d, "district-staff");
            String partnerId = "seed-" + UUID.randomUUID().toString().substring(0, 8);
            created(Http.json("POST", partnership + "/districts/" + d + "/partners", staff,
                    "{\"partnerId\":\"" + partnerId + "\",\"name\":\"Seed Works\",\"type\":\"BUSINESS\"}"));
            seeded.put("partnerId", partnerId);
            seeded.put("contactId", created(Http.json("POST", partnership + "/districts/" + d + "/partners/" + partnerId
                    + "/contacts", staff, "{\"name\":\"" + CONTACT_NAME + "\",\"role\":\"Supervisor\",\"email\":\""
                    + CONTACT_EMAIL + "\",\"phone\":\"+1 555 0100\"}")).get("contactId").asString());

            String vision = InProcessServices.get("vision").base();
            String superintendent = TestTokens.token("seed-super", d, "superintendent");
            seeded.put("planId", created(Http.json("POST", vision + "/districts/" + d + "/plans", superintendent,
                    "{\"title\":\"Seed plan\",\"startYear\":2025,\"endYear\":2030,\"firstGoal\":{\"title\":\"Seed goal\","
                            + "\"conditions\":[\"INSTRUCTION\"]}}")).get("planId").asString());

            String pilot = InProcessServices.get("pilot").base();
            SampleBodies pilotBodies = new SampleBodies(Http.openApi(pilot));
            var pilotBody = (tools.jackson.databind.node.ObjectNode) JSON.readTree(
                    pilotBodies.bodyFor("POST", "/districts/{districtId}/pilots"));
            pilotBody.putArray("goalIds"); // no alignment to check against vision-service
            HttpResponse<String> p = Http.json("POST", pilot + "/districts/" + d + "/pilots", staff, pilotBody.toString());
            if (p.statusCode() == 201) {
                seeded.put("pilotId", JSON.readTree(p.body()).path("pilotId").asString());
            }
            ids = seeded;
        }
        return ids;
    }

    private static JsonNode created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    /** The path value for {@code variable}: a seeded object's id where there is one, else the matrix's placeholder. */
    public static String pathValue(String variable) {
        try {
            return ids().getOrDefault(variable, Principals.pathValue(variable));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
