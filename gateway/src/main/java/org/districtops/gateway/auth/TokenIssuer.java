package org.districtops.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.districtops.gateway.auth.AuthProperties.DemoUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Signs RS256 access tokens carrying the claims the services authorise on: district and roles. */
public class TokenIssuer {

    private final RSAKey key;
    private final JWSSigner signer;
    private final String issuer;
    private final Duration ttl;
    private final String scope;
    private final Clock clock;

    public TokenIssuer(RSAKey key, String issuer, Duration ttl, String scope, Clock clock) {
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The key cannot sign RS256 tokens", e);
        }
        this.key = key;
        this.issuer = issuer;
        this.ttl = ttl;
        this.scope = scope;
        this.clock = clock;
    }

    public String issue(DemoUser user) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(user.username())
                .claim("district", user.district())
                .claim("roles", user.roles())
                .claim("name", user.name())
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        if (user.partner() != null) {
            builder.claim("partner", user.partner());
        }
        JWTClaimsSet claims = builder.build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing the access token failed", e);
        }
        return jwt.serialize();
    }

    public Duration ttl() {
        return ttl;
    }

    public String scope() {
        return scope;
    }
}
