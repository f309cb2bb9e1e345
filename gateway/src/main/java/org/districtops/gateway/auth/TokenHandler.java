package org.districtops.gateway.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/** {@code POST /auth/token} (resource owner password grant) and {@code GET /auth/jwks}. */
public class TokenHandler {

    private final DemoUserAuthenticator authenticator;
    private final TokenIssuer issuer;
    private final Map<String, Object> jwks;

    public TokenHandler(DemoUserAuthenticator authenticator, TokenIssuer issuer, RSAKey key) {
        this.authenticator = authenticator;
        this.issuer = issuer;
        this.jwks = new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    public Mono<ServerResponse> token(ServerRequest request) {
        boolean isForm = request.headers().contentType()
                .filter(MediaType.APPLICATION_FORM_URLENCODED::isCompatibleWith)
                .isPresent();
        if (!isForm) {
            return error(TokenError.invalidRequest("The request body must be application/x-www-form-urlencoded."));
        }
        return request.formData().flatMap(this::grant);
    }

    private Mono<ServerResponse> grant(MultiValueMap<String, String> form) {
        String grantType = form.getFirst("grant_type");
        String username = form.getFirst("username");
        String password = form.getFirst("password");
        if (isBlank(grantType)) {
            return error(TokenError.invalidRequest("Missing grant_type."));
        }
        if (!grantType.equals("password")) {
            return error(TokenError.unsupportedGrantType("Only grant_type=password is supported."));
        }
        if (isBlank(username) || isBlank(password)) {
            return error(TokenError.invalidRequest("Missing " + (isBlank(username) ? "username" : "password") + "."));
        }
        return authenticator.authenticate(username, password)
                .map(user -> noStore(ServerResponse.ok()).bodyValue(new TokenResponse(
                        issuer.issue(user), "Bearer", issuer.ttl().toSeconds(), issuer.scope())))
                .orElseGet(() -> error(TokenError.invalidGrant("Unknown username or wrong password.")));
    }

    public Mono<ServerResponse> jwks(ServerRequest request) {
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .bodyValue(jwks);
    }

    private static Mono<ServerResponse> error(TokenError error) {
        return noStore(ServerResponse.status(HttpStatus.BAD_REQUEST)).bodyValue(error);
    }

    /** RFC 6749 §5.1: token responses must not be cached. */
    private static ServerResponse.BodyBuilder noStore(ServerResponse.BodyBuilder builder) {
        return builder.contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
