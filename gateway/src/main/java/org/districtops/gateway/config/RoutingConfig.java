package org.districtops.gateway.config;

import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Routes themselves live in application.yml; this holds what YAML cannot express. */
@Configuration(proxyBeanMethods = false)
public class RoutingConfig {

    /**
     * The circuit breaker's fallback forward replaces the request URI, so remember the URI the client asked
     * for; the fallback reports it as the problem's {@code instance}.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    GlobalFilter rememberOriginalRequestUrl() {
        return (exchange, chain) -> {
            ServerWebExchangeUtils.addOriginalRequestUrl(exchange, exchange.getRequest().getURI());
            return chain.filter(exchange);
        };
    }
}
