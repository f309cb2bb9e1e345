package org.districtops.gateway.auth;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;

/**
 * The client registrations of {@code spring.security.oauth2.client.*}, resolved on first use instead of at start.
 * <p>
 * Spring Boot reads an {@code issuer-uri}'s discovery document while the application starts, so the gateway could
 * not start before the identity provider answers. Here the same properties are mapped by Boot's own mapper when the
 * first browser signs in; a failure (the IdP is still starting) is not cached, the next sign-in tries again.
 */
class LazyClientRegistrations implements ReactiveClientRegistrationRepository {

    private final Mono<Map<String, ClientRegistration>> registrations;

    LazyClientRegistrations(OAuth2ClientProperties properties) {
        this.registrations = Mono.fromCallable(() -> new OAuth2ClientPropertiesMapper(properties).asClientRegistrations())
                .subscribeOn(Schedulers.boundedElastic()) // discovery is a blocking HTTP call
                .cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return registrations.mapNotNull(all -> all.get(registrationId));
    }
}
