package org.districtops.pd.web;

import org.districtops.kit.errors.ForbiddenException;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.security.ActorResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Set;

/**
 * Who may do what in pd-service. PD staff manage the catalog and awards of their district; an educator acts on
 * their own record only: the one named by the token's {@code educator_id} claim, which the identity provider puts
 * into an educator account's tokens (like {@code partner} for partner accounts). The subject is the person's
 * account at the identity provider and is never taken for an educator id.
 */
final class Access {

    static final String PD_STAFF = "pd-staff";
    static final String EDUCATOR = "educator";
    static final String SUPERINTENDENT = "superintendent";
    static final Set<String> STAFF = Set.of(PD_STAFF);
    static final Set<String> STAFF_OR_EDUCATOR = Set.of(PD_STAFF, EDUCATOR);
    static final String EDUCATOR_ID_CLAIM = "educator_id";

    private Access() {
    }

    static Actor staff(String districtId) {
        return ActorResolver.require(districtId, STAFF);
    }

    /** PD staff of the district, or the educator themselves. */
    static Actor staffOrSelf(String districtId, String educatorId) {
        Actor actor = ActorResolver.require(districtId, STAFF_OR_EDUCATOR);
        if (EDUCATOR.equals(actor.role()) && !ownEducatorId().equals(educatorId)) {
            throw new ForbiddenException("Educators see and act on their own record only.");
        }
        return actor;
    }

    /** The educator themselves, acting on {@code educatorId}. */
    static Actor self(String districtId, String educatorId, String message) {
        Actor actor = ActorResolver.require(districtId, Set.of(EDUCATOR));
        if (!ownEducatorId().equals(educatorId)) {
            throw new ForbiddenException(message);
        }
        return actor;
    }

    /** An educator of the district, and the id of their own record ("me"). */
    record Me(Actor actor, String educatorId) {
    }

    static Me me(String districtId) {
        return new Me(ActorResolver.require(districtId, Set.of(EDUCATOR)), ownEducatorId());
    }

    /** The signed-in educator's record (claim {@code educator_id}); 403 when the account is linked to none. */
    private static String ownEducatorId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String id = auth != null && auth.getPrincipal() instanceof Jwt jwt ? jwt.getClaimAsString(EDUCATOR_ID_CLAIM) : null;
        if (id == null || id.isBlank()) {
            throw new ForbiddenException("This educator account is not linked to an educator record (claim '"
                    + EDUCATOR_ID_CLAIM + "').");
        }
        return id;
    }
}
