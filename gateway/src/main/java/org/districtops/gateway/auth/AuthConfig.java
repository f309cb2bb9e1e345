package org.districtops.gateway.auth;

import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.time.Clock;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The interim token issuer: a plain WebFlux endpoint, no Spring Security filter chain in the gateway
 * (every service validates the tokens itself against {@code /auth/jwks} or the public key file).
 */
@Configuration(proxyBeanMethods = false)
public class AuthConfig {

    @Bean
    RSAKey jwtSigningKey(AuthProperties properties) {
        return RsaKeyLoader.loadOrCreate(properties.keyDir());
    }

    @Bean
    TokenHandler tokenHandler(AuthProperties properties, RSAKey jwtSigningKey) {
        TokenIssuer issuer = new TokenIssuer(jwtSigningKey, properties.issuer(), properties.tokenTtl(),
                properties.scope(), Clock.systemUTC());
        return new TokenHandler(new DemoUserAuthenticator(properties.demoUsers()), issuer, jwtSigningKey);
    }

    @Bean
    RouterFunction<ServerResponse> authRoutes(TokenHandler handler) {
        return route(POST("/auth/token"), handler::token)
                .andRoute(GET("/auth/jwks"), handler::jwks);
    }
}
