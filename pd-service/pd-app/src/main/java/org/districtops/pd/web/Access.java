package org.districtops.pd.web;

import org.districtops.kit.errors.ForbiddenException;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.security.ActorResolver;

import java.util.Set;

/**
 * Who may do what in pd-service. PD staff manage the catalog and awards of their district; an educator acts on
 * their own record only, identified by the token subject, which is their opaque educator id.
 */
final class Access {

    static final String PD_STAFF = "pd-staff";
    static final String EDUCATOR = "educator";
    static final String SUPERINTENDENT = "superintendent";
    static final Set<String> STAFF = Set.of(PD_STAFF);
    static final Set<String> STAFF_OR_EDUCATOR = Set.of(PD_STAFF, EDUCATOR);

    private Access() {
    }

    static Actor staff(String districtId) {
        return ActorResolver.require(districtId, STAFF);
    }

    /** PD staff of the district, or the educator themselves. */
    static Actor staffOrSelf(String districtId, String educatorId) {
        Actor actor = ActorResolver.require(districtId, STAFF_OR_EDUCATOR);
        if (EDUCATOR.equals(actor.role()) && !actor.id().equals(educatorId)) {
            throw new ForbiddenException("Educators see and act on their own record only.");
        }
        return actor;
    }

    static Actor educator(String districtId) {
        return ActorResolver.require(districtId, Set.of(EDUCATOR));
    }
}
