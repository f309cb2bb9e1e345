package org.districtops.gateway.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.districtops.gateway.auth.AuthProperties.DemoUser;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenIssuerTest {

    private static final Instant NOW = Instant.parse("2025-09-01T08:00:00Z");

    @Test
    void signsTheUsersClaimsWithTheKeysId() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        TokenIssuer issuer = new TokenIssuer(key, "http://gw.test", Duration.ofMinutes(30), "api",
                Clock.fixed(NOW, ZoneOffset.UTC));
        DemoUser user = new DemoUser("pdstaff", "demo", "Dana", "demo-district", List.of("pd-staff", "auditor"), null);

        SignedJWT first = SignedJWT.parse(issuer.issue(user));
        SignedJWT second = SignedJWT.parse(issuer.issue(user));

        assertThat(first.verify(new RSASSAVerifier(key.toPublicJWK()))).isTrue();
        assertThat(first.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(first.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        JWTClaimsSet claims = first.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://gw.test");
        assertThat(claims.getSubject()).isEqualTo("pdstaff");
        assertThat(claims.getStringClaim("district")).isEqualTo("demo-district");
        assertThat(claims.getStringListClaim("roles")).containsExactly("pd-staff", "auditor");
        assertThat(claims.getStringClaim("name")).isEqualTo("Dana");
        assertThat(claims.getStringClaim("scope")).isEqualTo("api");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(claims.getJWTID()).isNotEqualTo(second.getJWTClaimsSet().getJWTID());
    }

    @Test
    void aPartnerAccountCarriesItsOrganisation() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        TokenIssuer issuer = new TokenIssuer(key, "http://gw.test", Duration.ofMinutes(30), "api",
                Clock.fixed(NOW, ZoneOffset.UTC));
        JWTClaimsSet partner = SignedJWT.parse(issuer.issue(new DemoUser("partner", "demo", "Parker", "demo-district",
                List.of("partner"), "demo-partner"))).getJWTClaimsSet();
        assertThat(partner.getStringClaim("partner")).isEqualTo("demo-partner");
        JWTClaimsSet staff = SignedJWT.parse(issuer.issue(new DemoUser("planner", "demo", "Pat", "demo-district",
                List.of("district-staff"), null))).getJWTClaimsSet();
        assertThat(staff.getClaim("partner")).isNull();
    }
}
