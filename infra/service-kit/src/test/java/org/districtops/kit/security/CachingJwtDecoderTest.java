package org.districtops.kit.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verified-token cache saves signature checks and never accepts a token the plain decoder would refuse. */
class CachingJwtDecoderTest {

    private static final String ISSUER = "http://issuer.test";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    private final RSAKey key = generate();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final CachingJwtDecoder decoder = decoder();

    @Test
    void aTokenUsedAgainIsVerifiedOnlyOnce() throws Exception {
        String token = sign("planner-1", clock.instant().plus(Duration.ofMinutes(5)));

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second.getSubject()).isEqualTo("planner-1");
        assertThat(second.getClaims()).isEqualTo(first.getClaims());
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aCachedTokenIsRejectedOnceItHasExpired() throws Exception {
        String token = sign("planner-1", clock.instant().plus(Duration.ofMinutes(5)));
        decoder.decode(token);

        clock.advance(Duration.ofMinutes(5).plus(Duration.ofSeconds(61))); // past expiry and the 60 s clock skew

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(signatureChecks).as("refused from the cache, without a new signature check").hasValue(1);
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTamperedTokenIsRejectedEvenWhenTheOriginalIsCached() throws Exception {
        String token = sign("planner-1", clock.instant().plus(Duration.ofMinutes(5)));
        decoder.decode(token);
        String[] parts = token.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("planner-1", "superint-1").getBytes(StandardCharsets.UTF_8));
        String tamperedClaims = parts[0] + "." + otherClaims + "." + parts[2];
        char last = parts[2].charAt(0);
        String tamperedSignature = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);

        assertThatThrownBy(() -> decoder.decode(tamperedClaims)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(tamperedSignature)).isInstanceOf(BadJwtException.class);
        assertThat(decoder.decode(token).getSubject()).isEqualTo("planner-1");
    }

    @Test
    void anAlreadyExpiredTokenIsRejectedAndNotRemembered() throws Exception {
        String token = sign("planner-1", clock.instant().minus(Duration.ofMinutes(5)));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(decoder.size()).isZero();
    }

    private CachingJwtDecoder decoder() {
        try {
            JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
            timestamps.setClock(clock);
            OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps,
                    new JwtIssuerValidator(ISSUER));
            NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            nimbus.setJwtValidator(validator);
            JwtDecoder counting = token -> {
                signatureChecks.incrementAndGet();
                return nimbus.decode(token);
            };
            return new CachingJwtDecoder(counting, validator, clock, 100);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String subject, Instant expiry) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject)
                        .issueTime(Date.from(expiry.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(expiry)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
