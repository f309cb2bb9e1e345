package org.districtops.auth.token;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.districtops.auth.account.Accounts;
import org.districtops.auth.config.AuthProperties;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /auth/token} with {@code grant_type=password}: a token for a configured account in one request, for
 * curl examples, scripts, benchmarks and end-to-end tests. Signed with the authorization server's key and issuer and
 * carrying the same claims as a token from the authorization code flow. The password grant is not part of OAuth 2.1,
 * so this is demo-only: {@code dop.auth.demo-token-endpoint.enabled=false} in production.
 */
@RestController
@ConditionalOnBooleanProperty("dop.auth.demo-token-endpoint.enabled")
public class DemoTokenEndpoint {

    private final AuthenticationManager authenticationManager;
    private final PlatformClaims claims;
    private final JwtEncoder encoder;
    private final AuthProperties properties;
    private final Clock clock;

    DemoTokenEndpoint(Accounts accounts, PasswordEncoder passwordEncoder, PlatformClaims claims, JwtEncoder encoder,
                      AuthProperties properties) {
        // the same password check as the login form (constant time for unknown users too)
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwordEncoder);
        this.authenticationManager = new ProviderManager(provider);
        this.claims = claims;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @PostMapping("/auth/token")
    ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
        boolean isForm = request.getContentType() != null
                && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
        if (!isForm) {
            return error("invalid_request", "The request body must be application/x-www-form-urlencoded.");
        }
        String grantType = request.getParameter("grant_type");
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (isBlank(grantType)) {
            return error("invalid_request", "Missing grant_type.");
        }
        if (!grantType.equals("password")) {
            return error("unsupported_grant_type", "Only grant_type=password is supported here; "
                    + "use /oauth2/token for the standard grants.");
        }
        if (isBlank(username) || isBlank(password)) {
            return error("invalid_request", "Missing " + (isBlank(username) ? "username" : "password") + ".");
        }
        try {
            authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        } catch (AuthenticationException e) {
            return error("invalid_grant", "Unknown username or wrong password.");
        }
        Map<String, Object> accountClaims = claims.forAccount(username).orElseThrow();
        Instant now = clock.instant();
        String scope = properties.demoTokenEndpoint().scope();
        JwtClaimsSet jwt = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(username)
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim("scope", scope)
                .claims(all -> all.putAll(accountClaims))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(jwt)).getTokenValue();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", properties.tokenTtl().toSeconds());
        body.put("scope", scope);
        return noStore(ResponseEntity.ok()).body(body);
    }

    /** RFC 6749 §5.2 error response. */
    private static ResponseEntity<Map<String, Object>> error(String error, String description) {
        return noStore(ResponseEntity.status(HttpStatus.BAD_REQUEST))
                .body(Map.of("error", error, "error_description", description));
    }

    /** RFC 6749 §5.1: token responses must not be cached. */
    private static ResponseEntity.BodyBuilder noStore(ResponseEntity.BodyBuilder builder) {
        return builder.contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
