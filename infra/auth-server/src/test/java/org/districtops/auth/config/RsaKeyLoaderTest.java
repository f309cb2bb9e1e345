package org.districtops.auth.config;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RsaKeyLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void createsA2048BitPairOnFirstLoadAndReusesItOnTheNext() throws Exception {
        Path dir = tmp.resolve("nested/keys");

        RSAKey first = RsaKeyLoader.loadOrCreate(dir);
        Path privateFile = dir.resolve(RsaKeyLoader.PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(RsaKeyLoader.PUBLIC_KEY_FILE);
        assertThat(privateFile).exists();
        assertThat(publicFile).exists();
        assertThat(Files.readString(privateFile)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(publicFile)).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(first.size()).isEqualTo(2048);
        assertThat(first.isPrivate()).isTrue();
        String privatePem = Files.readString(privateFile);

        RSAKey second = RsaKeyLoader.loadOrCreate(dir);
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
        assertThat(Files.readString(privateFile)).isEqualTo(privatePem);
    }

    @Test
    void publicKeyFileIsStandardX509AndMatchesThePrivateKey() throws Exception {
        RSAKey key = RsaKeyLoader.loadOrCreate(tmp);

        RSAPublicKey fromFile = readPublicKey(tmp.resolve(RsaKeyLoader.PUBLIC_KEY_FILE));

        assertThat(fromFile).isEqualTo(key.toRSAPublicKey());
    }

    @Test
    void rewritesAMissingOrStalePublicKeyFromThePrivateKey() throws Exception {
        RSAKey key = RsaKeyLoader.loadOrCreate(tmp);
        Path publicFile = tmp.resolve(RsaKeyLoader.PUBLIC_KEY_FILE);

        Files.delete(publicFile);
        assertThat(RsaKeyLoader.loadOrCreate(tmp).getKeyID()).isEqualTo(key.getKeyID());
        assertThat(readPublicKey(publicFile)).isEqualTo(key.toRSAPublicKey());

        Files.writeString(publicFile, "stale");
        RsaKeyLoader.loadOrCreate(tmp);
        assertThat(readPublicKey(publicFile)).isEqualTo(key.toRSAPublicKey());
    }

    @Test
    void refusesACorruptPrivateKeyInsteadOfReplacingIt() throws Exception {
        Path privateFile = tmp.resolve(RsaKeyLoader.PRIVATE_KEY_FILE);
        Files.writeString(privateFile, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> RsaKeyLoader.loadOrCreate(tmp)).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(privateFile)).contains("AAAA");
    }

    private static RSAPublicKey readPublicKey(Path file) throws Exception {
        String pem = Files.readString(file);
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----").contains("-----END PUBLIC KEY-----");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
