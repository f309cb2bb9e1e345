package org.districtops.testsupport;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real RS256 tokens for tests, verified by the services through a real JWKS endpoint on loopback,
 * exactly as they verify the platform's issuer in production.
 */
public final class TestTokens {

    public static final String ISSUER = "http://test-issuer";
    private static RSAKey key;
    private static HttpServer server;

    private TestTokens() {
    }

    private static synchronized RSAKey key() {
        if (key == null) {
            try {
                key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("test-key").generate();
                byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/jwks", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    exchange.getResponseBody().write(jwks);
                    exchange.close();
                });
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return key;
    }

    public static String jwkSetUri() {
        key();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A valid token for {@code subject} acting for {@code district} in {@code roles}. */
    public static String token(String subject, String district, String... roles) {
        return sign(ISSUER, subject, district, Instant.now().plusSeconds(600), roles);
    }

    /** A valid token with extra claims, e.g. {@code partner} binding a partner account to its organisation. */
    public static String tokenWithClaims(String subject, String district, Map<String, Object> claims, String... roles) {
        return sign(ISSUER, subject, district, Instant.now().plusSeconds(600), claims, roles);
    }

    /**
     * An educator's token as the identity provider issues it: the account ({@code sub}) is not the educator id; the
     * {@code educator_id} claim links the account to its record in pd-service.
     */
    public static String educatorToken(String educatorId, String district) {
        return tokenWithClaims("sso-" + educatorId, district, Map.of("educator_id", educatorId), "educator");
    }

    public static String expiredToken(String subject, String district, String... roles) {
        return sign(ISSUER, subject, district, Instant.now().minusSeconds(600), roles);
    }

    /** Signed with the trusted key, but by an issuer the services do not trust. */
    public static String tokenFromIssuer(String issuer, String subject, String district, String... roles) {
        return sign(issuer, subject, district, Instant.now().plusSeconds(600), roles);
    }

    private static String sign(String issuer, String subject, String district, Instant expiry, String... roles) {
        return sign(issuer, subject, district, expiry, Map.of(), roles);
    }

    private static String sign(String issuer, String subject, String district, Instant expiry,
                               Map<String, Object> extraClaims, String... roles) {
        try {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
            extraClaims.forEach(builder::claim);
            JWTClaimsSet claims = builder
                    .issuer(issuer)
                    .subject(subject)
                    .claim("district", district)
                    .claim("roles", List.of(roles))
                    .issueTime(Date.from(expiry.minusSeconds(900)))
                    .expirationTime(Date.from(expiry))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key().getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
