package org.districtops.auth.token;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** {@link DemoTokenEndpoint} needs no session and no CSRF token: the credentials arrive with the request itself. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("dop.auth.demo-token-endpoint.enabled")
class DemoTokenSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain demoTokenChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/auth/token")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
