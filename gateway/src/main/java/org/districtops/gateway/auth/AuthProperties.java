package org.districtops.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The interim token issuer ({@code dop.auth}).
 *
 * @param issuer    the {@code iss} claim; services trust tokens from this issuer
 * @param keyDir    where the RSA signing key pair is kept (created on first start)
 * @param tokenTtl  lifetime of an access token
 * @param scope     the scope granted with every token
 * @param demoUsers the accounts that may sign in
 */
@ConfigurationProperties("dop.auth")
public record AuthProperties(
        String issuer,
        Path keyDir,
        @DefaultValue("1h") Duration tokenTtl,
        @DefaultValue("api") String scope,
        List<DemoUser> demoUsers) {

    public AuthProperties {
        require(issuer, "dop.auth.issuer");
        if (keyDir == null) {
            throw new IllegalArgumentException("dop.auth.key-dir must be set");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("dop.auth.token-ttl must be positive");
        }
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
    }

    /**
     * A seeded account: who it is, its password, and what it may do in which district; a partner account is
     * bound to one partner organisation ({@code partner}, null for everyone else).
     */
    public record DemoUser(String username, String password, String name, String district, List<String> roles,
                           String partner) {

        public DemoUser {
            require(username, "dop.auth.demo-users[].username");
            require(password, "dop.auth.demo-users[" + username + "].password");
            require(district, "dop.auth.demo-users[" + username + "].district");
            name = name == null || name.isBlank() ? username : name;
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must be set");
        }
    }
}
