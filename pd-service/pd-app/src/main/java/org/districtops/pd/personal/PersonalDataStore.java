package org.districtops.pd.personal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Educators' personal data (name, email) in pd-service's own PostgreSQL database, encrypted with AES-256-GCM
 * under a per-educator data key kept in a separate table. {@link #erase} deletes the key row: the ciphertext
 * that remains (here, in backups, in any copy) can no longer be read. Events and read models hold only the
 * opaque educator id; names are resolved here at read time.
 */
@Component
public class PersonalDataStore {

    /** What is personal about an educator. */
    public record PersonalData(String givenName, String familyName, String email) {

        public String displayName() {
            return (givenName + " " + familyName).strip();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public PersonalDataStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores (or replaces) an educator's personal data; a new key is made on first use. */
    @Transactional
    public void put(String districtId, String educatorId, PersonalData data) {
        byte[] key = key(educatorId).orElseGet(() -> {
            byte[] fresh = newKey();
            jdbc.update("INSERT INTO pd_educator_key (educator_id, district_id, data_key) VALUES (?, ?, ?) "
                    + "ON CONFLICT (educator_id) DO NOTHING", educatorId, districtId, fresh);
            return key(educatorId).orElseThrow();
        });
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, key, nonce, educatorId,
                JSON.writeValueAsBytes(data));
        jdbc.update("INSERT INTO pd_educator_data (educator_id, district_id, nonce, ciphertext) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (educator_id) DO UPDATE SET nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext, "
                + "updated_at = now()", educatorId, districtId, nonce, ciphertext);
    }

    /** The educator's personal data; empty when never stored or erased (the key is gone). */
    public Optional<PersonalData> get(String educatorId) {
        Optional<byte[]> key = key(educatorId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        List<Optional<PersonalData>> rows = jdbc.query(
                "SELECT nonce, ciphertext FROM pd_educator_data WHERE educator_id = ?",
                (rs, i) -> Optional.of(JSON.readValue(crypt(Cipher.DECRYPT_MODE, key.get(), rs.getBytes(1), educatorId,
                        rs.getBytes(2)), PersonalData.class)), educatorId);
        return rows.isEmpty() ? Optional.empty() : rows.get(0);
    }

    /** True when the educator's data key exists (their personal data is readable). */
    public boolean readable(String educatorId) {
        return key(educatorId).isPresent();
    }

    /** Crypto-shredding: deletes the data key. Returns whether there was one. */
    public boolean erase(String educatorId) {
        return jdbc.update("DELETE FROM pd_educator_key WHERE educator_id = ?", educatorId) > 0;
    }

    private Optional<byte[]> key(String educatorId) {
        List<byte[]> keys = jdbc.query("SELECT data_key FROM pd_educator_key WHERE educator_id = ?",
                (rs, i) -> rs.getBytes(1), educatorId);
        return keys.stream().findFirst();
    }

    private static byte[] newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AES-GCM with the educator id as associated data, so a ciphertext cannot be moved to another educator. */
    private static byte[] crypt(int mode, byte[] key, byte[] nonce, String educatorId, byte[] input) {
        try {
            SecretKey secret = new SecretKeySpec(key, "AES");
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, secret, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(educatorId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted"), e);
        }
    }
}
