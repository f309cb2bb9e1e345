package org.districtops.reliability;

import org.districtops.testsupport.TestTokens;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The callers of the authorization matrix: every role of the district under test, anonymous, an account of
 * ANOTHER district holding every district role, a partner user of another partner organisation, and the platform
 * operator ({@code platform-admin}).
 */
public final class Principals {

    public static final String DISTRICT = "rel-district";
    public static final String OTHER_DISTRICT = "rel-other-district";
    public static final String EDUCATOR_ID = "rel-educator";
    public static final String PARTNER_ID = "rel-partner";
    public static final String OTHER_PARTNER_ID = "rel-partner-2";
    public static final String[] ALL_ROLES = {"superintendent", "district-staff", "pd-staff", "educator", "partner", "auditor"};

    private static Map<String, String> tokens;

    private Principals() {
    }

    /** Column name to bearer token (null for anonymous), in the matrix's column order. */
    public static synchronized Map<String, String> tokens() {
        if (tokens == null) {
            Map<String, String> t = new LinkedHashMap<>();
            t.put("superintendent", TestTokens.token("rel-super", DISTRICT, "superintendent"));
            t.put("district-staff", TestTokens.token("rel-staff", DISTRICT, "district-staff"));
            t.put("pd-staff", TestTokens.token("rel-pdstaff", DISTRICT, "pd-staff"));
            t.put("educator", TestTokens.educatorToken(EDUCATOR_ID, DISTRICT));
            t.put("partner", TestTokens.tokenWithClaims("rel-partner-user", DISTRICT, Map.of("partner", PARTNER_ID), "partner"));
            t.put("auditor", TestTokens.token("rel-auditor", DISTRICT, "auditor"));
            t.put("anonymous", null);
            t.put("other-district", TestTokens.tokenWithClaims(EDUCATOR_ID, OTHER_DISTRICT, Map.of("partner", PARTNER_ID, "educator_id", EDUCATOR_ID), ALL_ROLES));
            t.put("other-partner", TestTokens.tokenWithClaims("rel-partner2-user", DISTRICT, Map.of("partner", OTHER_PARTNER_ID), "partner"));
            // the platform operator: no district role, only platform operations (/admin/**)
            t.put("platform-admin", TestTokens.token("rel-operator", DISTRICT, "platform-admin"));
            tokens = t;
        }
        return tokens;
    }

    /** A token holding every role of the district under test: reaches the deepest code path (used by the fuzzer). */
    public static String everyRole() {
        return TestTokens.tokenWithClaims(EDUCATOR_ID, DISTRICT, Map.of("partner", PARTNER_ID, "educator_id", EDUCATOR_ID), ALL_ROLES);
    }

    /** The value a path variable gets in the matrix: the district under test, the educator and partner above. */
    public static String pathValue(String variable) {
        return switch (variable) {
            case "districtId" -> DISTRICT;
            case "educatorId" -> EDUCATOR_ID;
            case "partnerId" -> PARTNER_ID;
            case "year" -> "2026";
            case "version" -> "1";
            case "condition" -> "INSTRUCTION";
            default -> "rel-" + variable.toLowerCase();
        };
    }
}
