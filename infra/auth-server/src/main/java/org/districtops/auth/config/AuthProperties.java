package org.districtops.auth.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The authorization server ({@code dop.auth}).
 *
 * @param issuer            the {@code iss} of every token and the base of the OIDC discovery document; services
 *                          accept tokens from this issuer only
 * @param keyDir            where the RSA signing key pair is kept (created on first start, so tokens survive restarts)
 * @param tokenTtl          lifetime of an access token
 * @param users             the accounts that may sign in
 * @param clients           the applications that may ask for tokens
 * @param demoTokenEndpoint the password-style {@code POST /auth/token} for scripts and demos
 */
@ConfigurationProperties("dop.auth")
public record AuthProperties(
        String issuer,
        Path keyDir,
        @DefaultValue("1h") Duration tokenTtl,
        List<Account> users,
        List<Client> clients,
        @DefaultValue DemoTokenEndpoint demoTokenEndpoint) {

    public AuthProperties {
        require(issuer, "dop.auth.issuer");
        if (keyDir == null) {
            throw new IllegalArgumentException("dop.auth.key-dir must be set");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("dop.auth.token-ttl must be positive");
        }
        users = users == null ? List.of() : List.copyOf(users);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * An account: who it is, its password (plain, or encoded with a {@code {bcrypt}}-style prefix), and what it may
     * do in which district; a partner account is bound to one partner organisation ({@code partner}), an educator
     * account to its educator record in pd-service ({@code educatorId}: the opaque id pd-service gave the educator
     * when it was imported from the roster or registered).
     */
    public record Account(String username, String password, String name, String district, List<String> roles,
                          String partner, String educatorId) {

        public Account {
            require(username, "dop.auth.users[].username");
            require(password, "dop.auth.users[" + username + "].password");
            require(district, "dop.auth.users[" + username + "].district");
            name = name == null || name.isBlank() ? username : name;
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * A registered client. Browser sign-in clients (the gateway) use {@code authorization_code} with PKCE; machine
     * clients use {@code client_credentials} and act for {@code district} with {@code roles}.
     */
    public record Client(String clientId, String clientSecret, List<String> grantTypes, List<String> redirectUris,
                         List<String> postLogoutRedirectUris, List<String> scopes, String district,
                         List<String> roles) {

        public Client {
            require(clientId, "dop.auth.clients[].client-id");
            require(clientSecret, "dop.auth.clients[" + clientId + "].client-secret");
            grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
            if (grantTypes.isEmpty()) {
                throw new IllegalArgumentException("dop.auth.clients[" + clientId + "].grant-types must be set");
            }
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * {@code POST /auth/token} with {@code grant_type=password}: demo and scripting only (the password grant is not
     * part of OAuth 2.1). Disable it in production.
     */
    public record DemoTokenEndpoint(@DefaultValue("false") boolean enabled, @DefaultValue("api") String scope) {
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must be set");
        }
    }
}
