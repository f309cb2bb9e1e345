package org.districtops.kit.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistrictBindingInterceptorTest {

    private final DistrictBindingInterceptor interceptor = new DistrictBindingInterceptor();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static MockHttpServletRequest request(String pattern, String district) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("districtId", district));
        return request;
    }

    private static void signedInFor(String district) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u").claim("district", district).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }

    @Test
    void givenATokenOfAnotherDistrict_whenCallingAStaffRoute_thenRefusedBeforeTheBodyIsRead() {
        signedInFor("district-b");

        assertThatThrownBy(() -> interceptor.preHandle(request("/districts/{districtId}/partners", "district-a"),
                new MockHttpServletResponse(), new Object()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void givenATokenOfTheSameDistrict_whenCallingAStaffRoute_thenTheHandlerDecides() throws Exception {
        signedInFor("district-a");

        assertThat(interceptor.preHandle(request("/districts/{districtId}/partners", "district-a"),
                new MockHttpServletResponse(), new Object())).isTrue();
    }

    @Test
    void givenATokenOfAnotherDistrict_whenReadingAPublicPage_thenAllowed() throws Exception {
        signedInFor("district-b");

        assertThat(interceptor.preHandle(request("/public/districts/{districtId}/plans", "district-a"),
                new MockHttpServletResponse(), new Object())).isTrue();
    }
}
