package org.districtops.gateway.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.districtops.gateway.GatewayITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointIT extends GatewayITSupport {

    @Test
    void goodCredentialsGiveAnRs256TokenThatVerifiesAgainstTheJwks() throws Exception {
        Map<String, Object> response = token(Map.of("grant_type", "password", "username", "superintendent",
                "password", "demo"))
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(response).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600)
                .containsEntry("scope", "api");

        SignedJWT jwt = SignedJWT.parse((String) response.get("access_token"));
        String jwks = client.get().uri("/auth/jwks").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("superintendent");
        assertThat(claims.getStringClaim("district")).isEqualTo("demo-district");
        assertThat(claims.getStringListClaim("roles")).isEqualTo(List.of("superintendent"));
        assertThat(claims.getStringClaim("name")).isNotBlank();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));

        // Services may trust the public key file instead of fetching the JWKS: it is the same key.
        String pem = Files.readString(KEY_DIR.resolve(RsaKeyLoader.PUBLIC_KEY_FILE));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        RSAPublicKey filePublicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(der));
        assertThat(jwt.verify(new RSASSAVerifier(filePublicKey))).isTrue();
    }

    @Test
    void wrongPasswordAndUnknownUserAreInvalidGrant() {
        for (Map<String, String> form : List.of(
                Map.of("grant_type", "password", "username", "planner", "password", "wrong"),
                Map.of("grant_type", "password", "username", "nobody", "password", "demo"))) {
            token(form)
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_JSON)
                    .expectBody()
                    .jsonPath("$.error").isEqualTo("invalid_grant")
                    .jsonPath("$.error_description").isNotEmpty()
                    .jsonPath("$.access_token").doesNotExist();
        }
    }

    @Test
    void missingParametersAreInvalidRequest() {
        token(Map.of("grant_type", "password", "password", "demo"))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error").isEqualTo("invalid_request")
                .jsonPath("$.error_description").value(String.class, d -> assertThat(d).contains("username"));
        token(Map.of("username", "planner", "password", "demo"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_request");
        client.post().uri("/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"grant_type\":\"password\",\"username\":\"planner\",\"password\":\"demo\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_request");
    }

    @Test
    void otherGrantTypesAreUnsupported() {
        token(Map.of("grant_type", "client_credentials"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("unsupported_grant_type");
    }

    private WebTestClient.ResponseSpec token(Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return client.post().uri("/auth/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange();
    }
}
