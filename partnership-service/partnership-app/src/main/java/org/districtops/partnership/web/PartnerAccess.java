package org.districtops.partnership.web;

import org.districtops.kit.messaging.Actor;
import org.districtops.kit.security.ActorResolver;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Set;

/**
 * Who acts, for partnership endpoints that partners may use too. District partnership staff act for any partner
 * of their district; a user with role {@code partner} acts only for the organisation named in the token's
 * {@code partner} claim. Builds on {@link ActorResolver} (district and role checks) without changing it.
 */
public final class PartnerAccess {

    public static final String PARTNER_CLAIM = "partner";
    public static final String PARTNER_ROLE = "partner";
    public static final Set<String> STAFF = Set.of("district-staff", "superintendent");
    static final Set<String> STAFF_OR_PARTNER = Set.of("district-staff", "superintendent", PARTNER_ROLE);

    /** The actor and, for a partner user, the partner organisation it acts for (null for district staff). */
    public record Access(Actor actor, String partnerId) {

        public boolean isPartner() {
            return partnerId != null;
        }

        /** 403 unless this is staff, or the partner {@code partnerId} itself. */
        public Access mayActFor(String partnerId) {
            if (isPartner() && !this.partnerId.equals(partnerId)) {
                throw new AccessDeniedException("Your account acts only for your own organisation.");
            }
            return this;
        }
    }

    private PartnerAccess() {
    }

    /** District staff (partner null) or a partner user bound to its organisation. */
    public static Access staffOrPartner(String districtId) {
        Actor actor = ActorResolver.require(districtId, STAFF_OR_PARTNER);
        if (!PARTNER_ROLE.equals(actor.role())) {
            return new Access(actor, null);
        }
        return new Access(actor, partnerClaim());
    }

    /** A partner user only (e.g. a supervisor confirming hours). */
    public static Access partner(String districtId) {
        Actor actor = ActorResolver.require(districtId, Set.of(PARTNER_ROLE));
        return new Access(actor, partnerClaim());
    }

    public static Access staff(String districtId) {
        return new Access(ActorResolver.require(districtId, STAFF), null);
    }

    private static String partnerClaim() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String partner = auth != null && auth.getPrincipal() instanceof Jwt jwt ? jwt.getClaimAsString(PARTNER_CLAIM) : null;
        if (partner == null || partner.isBlank()) {
            throw new AccessDeniedException("This partner account is not bound to an organisation (claim 'partner').");
        }
        return partner;
    }
}
