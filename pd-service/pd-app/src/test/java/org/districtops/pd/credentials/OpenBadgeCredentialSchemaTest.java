package org.districtops.pd.credentials;

import org.districtops.pd.api.*;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every credential shape the service issues validates against the official OB 3.0 schema. */
class OpenBadgeCredentialSchemaTest {

    private static final OpenBadgeCredentials OB = new OpenBadgeCredentials("https://dop.example.org/api/pd");
    private static final Instant AT = Instant.parse("2026-01-05T00:00:00Z");
    private static final BadgeView.Version VERSION = new BadgeView.Version(2, new BadgeTerms("PL 101", "Foundations",
            "Complete the course", new BadgeImage("image/svg+xml", Base64.getEncoder().encodeToString(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8))),
            List.of("learner agency"), List.of("g1"), 10, 365, true, List.of()), AlignmentStatus.VERIFIED, AT);

    private static AwardView award(String status, Instant validFrom, Instant validUntil, Evidence evidence) {
        return new AwardView("cesa1", "5f0c8a9e-3d7b-3c2a-9a51-2b1f0e1d2c3b", "e1", "b1", 2, status, AwardRoute.STAFF,
                evidence, AT, validFrom, validUntil, false, false, "REVOKED".equals(status) ? AT.plusSeconds(60) : null,
                null, null, 3);
    }

    @Test
    void anAwardedCredentialIsAValidOpenBadgeCredential() {
        Map<String, Object> vc = OB.credential(award("AWARDED", AT, AT.plus(Duration.ofDays(365)),
                new Evidence("https://example.org/reflection", "My reflection")), VERSION);
        assertThat(ObSchemas.errors(ObSchemas.CREDENTIAL, vc)).isEmpty();
        assertThat(vc.get("type")).isEqualTo(List.of("VerifiableCredential", "OpenBadgeCredential"));
        assertThat(vc).containsKeys("validUntil", "credentialStatus");
    }

    @Test
    void aRenewedCredentialIsValid() {
        Instant renewed = AT.plus(Duration.ofDays(360));
        Map<String, Object> vc = OB.credential(award("AWARDED", renewed, renewed.plus(Duration.ofDays(365)), null), VERSION);
        assertThat(ObSchemas.errors(ObSchemas.CREDENTIAL, vc)).isEmpty();
        assertThat(vc.get("validFrom")).isEqualTo(renewed.toString());
    }

    @Test
    void aRevokedCredentialStillHasAValidShapeAndPointsAtTheStatusList() {
        Map<String, Object> vc = OB.credential(award("REVOKED", AT, null, null), VERSION);
        assertThat(ObSchemas.errors(ObSchemas.CREDENTIAL, vc)).isEmpty();
        assertThat(vc).doesNotContainKey("validUntil");
        assertThat(((Map<?, ?>) vc.get("credentialStatus")).get("id"))
                .isEqualTo("https://dop.example.org/api/pd/public/districts/cesa1/status-list");
    }

    @Test
    void theIssuerProfileIsValid() {
        assertThat(ObSchemas.errors(ObSchemas.PROFILE, OB.issuerProfile("cesa1"))).isEmpty();
    }

    @Test
    void theSchemaRejectsACredentialWithoutAnAchievement() {
        Map<String, Object> vc = new java.util.LinkedHashMap<>(OB.credential(award("AWARDED", AT, null, null), VERSION));
        vc.put("credentialSubject", Map.of("type", List.of("AchievementSubject")));
        assertThat(ObSchemas.errors(ObSchemas.CREDENTIAL, vc)).isNotEmpty();
    }

    @Test
    void issuerIdsMapBackToTheirDistrict() {
        assertThat(OB.districtOfIssuer(OB.issuerId("cesa1"))).hasValue("cesa1");
        assertThat(OB.districtOfIssuer("https://evil.example.org/public/districts/cesa1/issuer")).isEmpty();
    }
}
