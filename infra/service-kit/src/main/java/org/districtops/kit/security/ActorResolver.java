package org.districtops.kit.security;

import org.districtops.kit.messaging.Actor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Set;

/**
 * Turns the validated JWT of the current request into an {@link Actor} and checks that the actor may act
 * for the district named in the URL: a token is bound to one district.
 */
public final class ActorResolver {

    public static final String DISTRICT_CLAIM = "district";
    public static final String ROLES_CLAIM = "roles";

    private ActorResolver() {
    }

    /** The current actor, who must hold one of {@code allowedRoles} in {@code districtId}. */
    public static Actor require(String districtId, Set<String> allowedRoles) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt)) {
            throw new AccessDeniedException("Not signed in.");
        }
        String tokenDistrict = jwt.getClaimAsString(DISTRICT_CLAIM);
        if (tokenDistrict == null || !tokenDistrict.equals(districtId)) {
            throw new AccessDeniedException("Your account does not act for district '" + districtId + "'.");
        }
        List<String> roles = roles(jwt);
        String role = roles.stream().filter(allowedRoles::contains).findFirst()
                .orElseThrow(() -> new AccessDeniedException("This needs one of the roles " + allowedRoles + "."));
        return new Actor(jwt.getSubject(), role, districtId);
    }

    static List<String> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return roles == null ? List.of() : roles;
    }
}
