package org.districtops.vision.client;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * A service that sets {@code dop.vision.uri} gets the goal client, with the circuit breaker and retry named
 * "vision" (settings in {@code dop-vision-client.yml}, which the service imports).
 */
@AutoConfiguration
@ConditionalOnProperty("dop.vision.uri")
public class VisionClientAutoConfiguration {

    @Bean
    VisionGoalsClient visionGoalsClient(@Value("${dop.vision.uri}") String visionUri,
                                        @Value("${dop.vision.timeout:2s}") Duration timeout,
                                        CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        return new VisionGoalsClient(visionUri, timeout, circuitBreakers.circuitBreaker("vision"),
                retries.retry("vision"));
    }
}
