package org.districtops.pd.credentials;

import org.districtops.pd.api.AwardView;
import org.districtops.pd.api.BadgeTerms;
import org.districtops.pd.api.BadgeView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shapes an award as an Open Badges 3.0 {@code OpenBadgeCredential} (VC Data Model 2.0): issuer Profile of the
 * district, an AchievementSubject holding the Achievement of the badge version awarded, validFrom, validUntil
 * when the badge expires, and a credentialStatus pointing at the district's revocation list. URLs are built on
 * {@code dop.pd.public-base-url} (the gateway's address of pd-service).
 */
@Component
public class OpenBadgeCredentials {

    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String STATUS_TYPE = "1EdTechRevocationList";

    private final String base;
    private final Pattern issuerPattern;

    public OpenBadgeCredentials(@Value("${dop.pd.public-base-url}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.issuerPattern = Pattern.compile(Pattern.quote(this.base) + "/public/districts/([a-z0-9][a-z0-9-]{1,63})/issuer");
    }

    public String issuerId(String districtId) {
        return base + "/public/districts/" + districtId + "/issuer";
    }

    public String statusListUrl(String districtId) {
        return base + "/public/districts/" + districtId + "/status-list";
    }

    public String achievementId(String districtId, String badgeId, int version) {
        return base + "/public/districts/" + districtId + "/badges/" + badgeId + "/versions/" + version;
    }

    public static String credentialId(String awardId) {
        return "urn:uuid:" + awardId;
    }

    public static String subjectId(String educatorId) {
        return "urn:dop:educator:" + educatorId;
    }

    /** The district an issuer id belongs to, if it is one of this service's issuers. */
    public Optional<String> districtOfIssuer(String issuerId) {
        Matcher m = issuerPattern.matcher(issuerId == null ? "" : issuerId);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The issuer Profile of a district (OB 3.0 Profile: id and type required). */
    public Map<String, Object> issuerProfile(String districtId) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        profile.put("id", issuerId(districtId));
        profile.put("type", List.of("Profile"));
        profile.put("name", "District " + districtId);
        profile.put("url", base + "/public/districts/" + districtId + "/badges");
        return profile;
    }

    /** The credential of an award as it stands (a renewal gives a new validity period; same credential id). */
    public Map<String, Object> credential(AwardView award, BadgeView.Version badge) {
        BadgeTerms t = badge.terms();
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("narrative", t.criteria());
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", achievementId(award.districtId(), award.badgeId(), award.badgeVersion()));
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Badge");
        achievement.put("name", t.name());
        achievement.put("description", t.description());
        achievement.put("criteria", criteria);
        if (t.image() != null) {
            achievement.put("image", Map.of("id", "data:" + t.image().contentType() + ";base64," + t.image().data(),
                    "type", "Image"));
        }
        if (t.competencies() != null && !t.competencies().isEmpty()) {
            achievement.put("tag", t.competencies());
        }
        if (t.goalIds() != null && !t.goalIds().isEmpty()) {
            List<Map<String, Object>> alignment = new ArrayList<>();
            for (String goal : t.goalIds()) {
                alignment.add(Map.of("type", List.of("Alignment"), "targetName", "District goal " + goal,
                        "targetUrl", base.replace("/api/pd", "/api/vision") + "/public/v1/districts/"
                                + award.districtId() + "/goals#" + goal));
            }
            achievement.put("alignment", alignment);
        }
        achievement.put("creator", Map.of("id", issuerId(award.districtId()), "type", List.of("Profile")));
        achievement.put("version", Integer.toString(award.badgeVersion()));

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", subjectId(award.educatorId()));
        subject.put("type", List.of("AchievementSubject"));
        subject.put("achievement", achievement);
        if (t.pdHours() > 0) {
            subject.put("creditsEarned", t.pdHours());
        }

        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", issuerId(award.districtId()));
        issuer.put("type", List.of("Profile"));
        issuer.put("name", "District " + award.districtId());

        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        vc.put("id", credentialId(award.awardId()));
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("name", t.name());
        vc.put("issuer", issuer);
        vc.put("validFrom", iso(award.validFrom()));
        if (award.validUntil() != null) {
            vc.put("validUntil", iso(award.validUntil()));
        }
        vc.put("awardedDate", iso(award.awardedAt()));
        vc.put("credentialSubject", subject);
        if (award.evidence() != null) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("type", List.of("Evidence"));
            if (award.evidence().url() != null) {
                evidence.put("id", award.evidence().url());
            }
            if (award.evidence().text() != null) {
                evidence.put("narrative", award.evidence().text());
            }
            vc.put("evidence", List.of(evidence));
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", statusListUrl(award.districtId()));
        status.put("type", STATUS_TYPE);
        vc.put("credentialStatus", status);
        return vc;
    }

    static String iso(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
