package org.districtops.pd.credentials;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.districtops.pd.api.AwardView;
import org.districtops.pd.api.FindAward;
import org.districtops.pd.query.AwardProjection;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a credential this platform issued: the VC-JWT's RS256 signature against the issuing district's key,
 * the issuer, the revocation list and the validity period. A credential sent as plain JSON has no proof to
 * check: it is reported with {@code signatureValid=false}.
 */
@Component
public class CredentialVerifier {

    /** The outcome; {@code valid} only when every check passed. */
    public record Result(boolean valid, boolean signatureValid, boolean issuerKnown, boolean revoked, boolean expired,
                         String credentialId, String issuer, String validUntil, List<String> problems) {
    }

    private final OpenBadgeCredentials credentials;
    private final IssuerKeys keys;
    private final AwardProjection awards;

    public CredentialVerifier(OpenBadgeCredentials credentials, IssuerKeys keys, AwardProjection awards) {
        this.credentials = credentials;
        this.keys = keys;
        this.awards = awards;
    }

    public Result verifyJwt(String compact) {
        List<String> problems = new ArrayList<>();
        SignedJWT jwt;
        Map<String, Object> claims;
        try {
            jwt = SignedJWT.parse(compact.strip());
            claims = jwt.getJWTClaimsSet().toJSONObject();
        } catch (Exception e) {
            return new Result(false, false, false, false, false, null, null, null,
                    List.of("not a compact JWS (VC-JWT): " + e.getMessage()));
        }
        String issuer = issuerOf(claims);
        Optional<String> district = credentials.districtOfIssuer(issuer);
        Optional<RSAKey> key = district.flatMap(keys::existing);
        boolean issuerKnown = key.isPresent();
        if (!issuerKnown) {
            problems.add("issuer is not a district of this platform");
        }
        boolean signatureValid = false;
        if (issuerKnown) {
            try {
                signatureValid = JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                        && jwt.verify(new RSASSAVerifier(key.get().toRSAPublicKey()));
            } catch (Exception e) {
                signatureValid = false;
            }
            if (!signatureValid) {
                problems.add("signature does not match the issuer's key: the credential was altered or not issued here");
            }
        }
        return finish(claims, issuer, district, signatureValid, issuerKnown, problems);
    }

    public Result verifyJson(Map<String, Object> credential) {
        List<String> problems = new ArrayList<>();
        problems.add("no proof: submit the VC-JWT to check the signature");
        String issuer = issuerOf(credential);
        Optional<String> district = credentials.districtOfIssuer(issuer);
        boolean issuerKnown = district.flatMap(keys::existing).isPresent();
        if (!issuerKnown) {
            problems.add("issuer is not a district of this platform");
        }
        return finish(credential, issuer, district, false, issuerKnown, problems);
    }

    private Result finish(Map<String, Object> vc, String issuer, Optional<String> district, boolean signatureValid,
                          boolean issuerKnown, List<String> problems) {
        String id = vc.get("id") instanceof String s ? s : null;
        boolean revoked = false;
        if (district.isPresent() && id != null && id.startsWith("urn:uuid:")) {
            Optional<AwardView> award = awards.handle(new FindAward(district.get(), id.substring("urn:uuid:".length())));
            if (award.isEmpty()) {
                problems.add("the issuer has no record of this credential");
            } else if ("REVOKED".equals(award.get().status())) {
                revoked = true;
                problems.add("revoked: " + award.get().revocationReason());
            }
        } else {
            problems.add("the credential has no id this issuer knows");
        }
        String validUntil = vc.get("validUntil") instanceof String s ? s : null;
        boolean expired = false;
        if (validUntil != null) {
            try {
                expired = !Instant.now().isBefore(Instant.parse(validUntil));
            } catch (RuntimeException e) {
                problems.add("validUntil is not a date-time");
            }
            if (expired) {
                problems.add("expired on " + validUntil);
            }
        }
        boolean valid = signatureValid && issuerKnown && !revoked && !expired && problems.isEmpty();
        return new Result(valid, signatureValid, issuerKnown, revoked, expired, id, issuer, validUntil, List.copyOf(problems));
    }

    @SuppressWarnings("unchecked")
    private static String issuerOf(Map<String, Object> vc) {
        Object issuer = vc.get("issuer");
        if (issuer instanceof Map<?, ?> m && m.get("id") instanceof String s) {
            return s;
        }
        return issuer instanceof String s ? s : (vc.get("iss") instanceof String s2 ? s2 : null);
    }
}
