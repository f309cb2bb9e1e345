package org.districtops.gateway.auth;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2Error;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRelayFailureTest {

    private final OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId("dop")
            .principal(new TestingAuthenticationToken("educator", null)).build();

    @Test
    void givenARefreshTheIdentityProviderRefusesWhenAnApiCallIsRelayedThenItGoesOnWithoutAToken() {
        ReactiveOAuth2AuthorizedClientManager refused = r -> Mono.error(
                new ClientAuthorizationException(new OAuth2Error("invalid_grant"), "dop"));
        assertThat(SignInConfig.withoutTokenWhenRefreshFails(refused).authorize(request).blockOptional()).isEmpty();
    }

    @Test
    void givenAnyOtherFailureWhenAnApiCallIsRelayedThenItIsNotHidden() {
        ReactiveOAuth2AuthorizedClientManager broken = r -> Mono.error(new IllegalStateException("bug"));
        assertThatThrownBy(() -> SignInConfig.withoutTokenWhenRefreshFails(broken).authorize(request).block())
                .isInstanceOf(IllegalStateException.class);
    }
}
