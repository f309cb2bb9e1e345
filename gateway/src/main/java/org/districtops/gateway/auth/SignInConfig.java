package org.districtops.gateway.auth;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Set;

/**
 * Browser sign-in at the gateway: OIDC login against the identity provider (registration {@code dop}), a server-side
 * WebSession holding the user's tokens, RP-initiated logout, and CSRF protection for requests that the session
 * cookie authenticates. The services never see the session: {@code TokenRelay} (application.yml) sends them the
 * session's access token, and they validate it themselves.
 * <p>
 * Everything is public except {@code /staff/**}; API authorisation is the services' job. A machine client's
 * bearer-token request passes through untouched and is not subject to CSRF: no browser adds that header on its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public class SignInConfig {

    static final String REGISTRATION_ID = "dop";
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    private static final String SESSION_COOKIE = "SESSION";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations) {
        // the token a page's script reads from the cookie and sends back in X-XSRF-TOKEN (double-submit, same origin)
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");
        logoutSuccess.setLogoutSuccessUrl(URI.create("/")); // a session without an ID token: straight to the public page
        logoutSuccess.setRedirectStrategy(new ScriptAwareRedirects());
        RedirectServerAuthenticationEntryPoint toLogin =
                new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION_ID);
        http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/staff/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2Login(login -> login.authorizationRequestResolver(pkceAuthorizationRequests(registrations)))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SignInConfig::sessionAuthenticatedUnsafeRequest))
                .exceptionHandling(e -> e.authenticationEntryPoint(new DelegatingServerAuthenticationEntryPoint(
                        new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                                new PathPatternParserServerWebExchangeMatcher("/staff/**"), toLogin),
                        new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                                exchange -> ServerWebExchangeMatcher.MatchResult.match(),
                                new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)))))
                // SecurityHeadersFilter writes the platform's headers (CSP, frame-ancestors, HSTS) on every response
                .headers(headers -> headers.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable());
        return http.build();
    }

    /** PKCE (S256) on every sign-in, although the gateway is a confidential client: OAuth 2.1 asks for it. */
    private static DefaultServerOAuth2AuthorizationRequestResolver pkceAuthorizationRequests(
            ReactiveClientRegistrationRepository registrations) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /**
     * CSRF applies where a browser's cookie carries the authority: an unsafe method, a session cookie, and no bearer
     * token of the caller's own. Anonymous calls have no authority to abuse; bearer calls carry their own.
     */
    static Mono<ServerWebExchangeMatcher.MatchResult> sessionAuthenticatedUnsafeRequest(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        boolean unsafe = !SAFE.contains(request.getMethod());
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        boolean session = request.getCookies().containsKey(SESSION_COOKIE);
        return unsafe && session && !bearer
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /** Makes sure the CSRF cookie exists, so a page's script can read it before its first unsafe request. */
    @Bean
    WebFilter csrfCookieWriter() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
            return token.then(chain.filter(exchange));
        };
    }

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties) {
        return new LazyClientRegistrations(properties);
    }

    /** The signed-in user's tokens live in the server-side WebSession and end with it. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Used by TokenRelay: hands out the session's access token, refreshing it when it has expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                   ServerOAuth2AuthorizedClientRepository clients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return withoutTokenWhenRefreshFails(manager);
    }

    /**
     * When the session's tokens can no longer be refreshed (the IdP ended its session or forgot the refresh token),
     * the call goes on without a token: the service answers 401 and the page can sign in again, instead of the
     * gateway failing with 500. The manager has already removed the dead tokens from the session.
     */
    static ReactiveOAuth2AuthorizedClientManager withoutTokenWhenRefreshFails(ReactiveOAuth2AuthorizedClientManager manager) {
        return request -> manager.authorize(request).onErrorResume(ClientAuthorizationException.class, e -> Mono.empty());
    }
}
