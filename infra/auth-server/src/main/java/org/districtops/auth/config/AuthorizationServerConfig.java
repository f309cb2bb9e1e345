package org.districtops.auth.config;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.districtops.auth.account.Accounts;
import org.districtops.auth.config.AuthProperties.Client;
import org.districtops.auth.token.PlatformClaims;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.util.Map;
import java.util.Optional;

/**
 * Spring Authorization Server with OIDC: discovery ({@code /.well-known/openid-configuration}), authorization code
 * with PKCE, refresh tokens, client credentials, user info, RP-initiated logout ({@code /connect/logout}) and the
 * JWK set ({@code /oauth2/jwks}). Tokens are RS256 JWTs signed with the key kept in {@code dop.auth.key-dir}.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfig {

    /** The protocol endpoints; a browser that is not signed in is sent to the login form. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, as -> as.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                // the OIDC user info endpoint takes the access token as a bearer token
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** Everything else: the login form (works without JavaScript), health and the page's stylesheet. */
    @Bean
    @Order(3)
    SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/css/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    RSAKey signingKey(AuthProperties properties) {
        return RsaKeyLoader.loadOrCreate(properties.keyDir());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    /** Used by the authorization server for every token and by the demo token endpoint: one key, one issuer. */
    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    /** Passwords and client secrets from the configuration: plain, or encoded with a {@code {bcrypt}} prefix. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Accounts accounts(AuthProperties properties) {
        return new Accounts(properties.users());
    }

    @Bean
    PlatformClaims platformClaims(Accounts accounts, AuthProperties properties) {
        return new PlatformClaims(accounts, properties.clients());
    }

    /** Authorizations (codes, refresh tokens) live in memory: a restart signs everybody out, tokens stay valid. */
    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(AuthProperties properties) {
        return new InMemoryRegisteredClientRepository(
                properties.clients().stream().map(client -> registeredClient(client, properties)).toList());
    }

    private static RegisteredClient registeredClient(Client client, AuthProperties properties) {
        boolean browserClient = client.grantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue());
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(Accounts.encoded(client.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantTypes(types -> client.grantTypes().forEach(t -> types.add(new AuthorizationGrantType(t))))
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                // first-party clients: no consent screen; PKCE even though the gateway is confidential (OAuth 2.1)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .requireProofKey(browserClient)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.tokenTtl())
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }

    /**
     * Puts the claims the services authorise on into access tokens and ID tokens: the signed-in account's, or for
     * client credentials the machine client's configured district and roles.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaimsCustomizer(PlatformClaims claims) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            Optional<Map<String, Object>> extra =
                    AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                            ? claims.forClient(context.getRegisteredClient().getClientId())
                            : claims.forAccount(context.getPrincipal().getName());
            extra.ifPresent(values -> context.getClaims().claims(all -> all.putAll(values)));
        };
    }
}
