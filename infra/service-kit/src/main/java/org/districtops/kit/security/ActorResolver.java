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
        Jwt jwt = currentJwt();
        String tokenDistrict = jwt.getClaimAsString(DISTRICT_CLAIM);
        if (tokenDistrict == null || !tokenDistrict.equals(districtId)) {
            throw new AccessDeniedException("Your account does not act for district '" + districtId + "'.");
        }
        return new Actor(jwt.getSubject(), role(jwt, allowedRoles), districtId);
    }

    /**
     * The current actor, who must hold one of {@code allowedRoles}, whatever district the token is for. Only for
     * operations on the whole store that concern no single district (verifying the event chain); the actor's
     * district is the token's, or empty when it names none.
     */
    public static Actor requireRole(Set<String> allowedRoles) {
        Jwt jwt = currentJwt();
        String tokenDistrict = jwt.getClaimAsString(DISTRICT_CLAIM);
        return new Actor(jwt.getSubject(), role(jwt, allowedRoles), tokenDistrict == null ? "" : tokenDistrict);
    }

    private static Jwt currentJwt() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt)) {
            throw new AccessDeniedException("Not signed in.");
        }
        return jwt;
    }

    private static String role(Jwt jwt, Set<String> allowedRoles) {
        return roles(jwt).stream().filter(allowedRoles::contains).findFirst()
                .orElseThrow(() -> new AccessDeniedException("This needs one of the roles " + allowedRoles + "."));
    }

    static List<String> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return roles == null ? List.of() : roles;
    }
}
