package org.districtops.pd.credentials;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Signs a credential as a VC-JWT (OB 3.0 §8.2, JOSE): RS256 with the district's key, header {@code kid} and
 * {@code typ} "vc+jwt"; the payload is the credential itself plus the registered claims iss, jti, sub, nbf,
 * iat and (when it expires) exp, which mirror issuer.id, id, credentialSubject.id, validFrom and validUntil.
 */
@Component
public class CredentialSigner {

    private final IssuerKeys keys;

    public CredentialSigner(IssuerKeys keys) {
        this.keys = keys;
    }

    @SuppressWarnings("unchecked")
    public String sign(String districtId, Map<String, Object> credential) {
        RSAKey key = keys.signingKey(districtId);
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
            credential.forEach(claims::claim);
            claims.issuer((String) ((Map<String, Object>) credential.get("issuer")).get("id"))
                    .jwtID((String) credential.get("id"))
                    .subject((String) ((Map<String, Object>) credential.get("credentialSubject")).get("id"))
                    .notBeforeTime(Date.from(Instant.parse((String) credential.get("validFrom"))))
                    .issueTime(new Date());
            if (credential.get("validUntil") != null) {
                claims.expirationTime(Date.from(Instant.parse((String) credential.get("validUntil"))));
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(new JOSEObjectType("vc+jwt")).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException("Could not sign the credential", e);
        }
    }
}
