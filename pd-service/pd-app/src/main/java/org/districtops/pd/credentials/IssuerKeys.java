package org.districtops.pd.credentials;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each district signs its credentials with its own RSA key pair (RS256), made on first use and kept as a
 * private JWK in pd-service's PostgreSQL database ({@code pd_issuer_key}). The public half is published as the
 * issuer's JWKS. Concurrent first uses agree on one key (insert-if-absent, then read back).
 */
@Component
public class IssuerKeys {

    private final JdbcTemplate jdbc;
    private final Map<String, RSAKey> cache = new ConcurrentHashMap<>();

    public IssuerKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The district's key, created when it has none. */
    public RSAKey signingKey(String districtId) {
        return existing(districtId).orElseGet(() -> {
            try {
                RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                        .keyIDFromThumbprint(true).generate();
                jdbc.update("INSERT INTO pd_issuer_key (district_id, key_id, private_jwk) VALUES (?, ?, ?) "
                        + "ON CONFLICT (district_id) DO NOTHING", districtId, key.getKeyID(), key.toJSONString());
            } catch (Exception e) {
                throw new IllegalStateException("Could not create the signing key of " + districtId, e);
            }
            return existing(districtId).orElseThrow();
        });
    }

    /** The district's key if it has one (verification never creates keys). */
    public Optional<RSAKey> existing(String districtId) {
        RSAKey cached = cache.get(districtId);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<String> rows = jdbc.query("SELECT private_jwk FROM pd_issuer_key WHERE district_id = ?",
                (rs, i) -> rs.getString(1), districtId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            RSAKey key = RSAKey.parse(rows.get(0));
            cache.put(districtId, key);
            return Optional.of(key);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored key of " + districtId + " is unreadable", e);
        }
    }
}
