package org.districtops.auth.config;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * Loads the token signing key pair from a directory, creating it on first use so that tokens stay valid
 * across restarts and other processes can read the public key.
 * <p>
 * The private key ({@code jwt-private.pem}, PKCS#8) is the source of truth: the public key
 * ({@code jwt-public.pem}, X.509 SubjectPublicKeyInfo) is derived from it and rewritten whenever it is
 * missing or does not match. Only the authorization server writes these files.
 */
public final class RsaKeyLoader {

    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    private static final int KEY_SIZE = 2048;

    private RsaKeyLoader() {
    }

    /** The key pair in {@code dir}, generated and written there first if it has none. The key id is the RFC 7638 thumbprint. */
    public static RSAKey loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
            Path publicFile = dir.resolve(PUBLIC_KEY_FILE);

            RSAPrivateCrtKey privateKey;
            if (Files.exists(privateFile)) {
                privateKey = readPrivateKey(privateFile);
            } else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(KEY_SIZE);
                privateKey = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
                writePem(privateFile, "PRIVATE KEY", privateKey.getEncoded(), false);
            }
            RSAPublicKey publicKey = publicKeyOf(privateKey);
            String publicPem = pem("PUBLIC KEY", publicKey.getEncoded());
            if (!Files.exists(publicFile) || !Files.readString(publicFile, StandardCharsets.US_ASCII).equals(publicPem)) {
                writePem(publicFile, "PUBLIC KEY", publicKey.getEncoded(), true);
            }
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load or create the JWT signing key in " + dir.toAbsolutePath(), e);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Invalid JWT signing key in " + dir.toAbsolutePath(), e);
        }
    }

    private static RSAPrivateCrtKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String base64 = text.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException(file + " is not valid PEM", e);
        }
        if (!(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key)) {
            throw new GeneralSecurityException(file + " is not an RSA private key with CRT parameters");
        }
        return key;
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Written to a temporary file and moved into place, so a reader never sees half a key. */
    private static void writePem(Path file, String type, byte[] der, boolean worldReadable) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".jwt-", ".tmp"); // owner-only on POSIX
        try {
            Files.writeString(tmp, pem(type, der), StandardCharsets.US_ASCII);
            if (worldReadable && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
