package org.districtops.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * Tenancy before anything else: on every non-public route with a {@code {districtId}} in its path, a token of
 * another district is refused (403) before the body is bound and validated or any object is looked up, so an
 * account of one district learns nothing about another's (not even whether an id exists or what the validation
 * rules are). Controllers still check the district and the role themselves with {@link ActorResolver}.
 */
public class DistrictBindingInterceptor implements HandlerInterceptor {

    public static final String DISTRICT_VARIABLE = "districtId";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null || pattern.toString().startsWith("/public/")) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String district = variables == null ? null : variables.get(DISTRICT_VARIABLE);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (district != null && auth != null && auth.getPrincipal() instanceof Jwt jwt
                && !district.equals(jwt.getClaimAsString(ActorResolver.DISTRICT_CLAIM))) {
            throw new AccessDeniedException("Your account does not act for district '" + district + "'.");
        }
        return true;
    }
}
