package org.districtops.partnership.audit;

import org.districtops.kit.audit.view.AuditDescriber;
import org.districtops.kit.audit.view.AuditViewPolicy;
import org.districtops.partnership.api.*;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * What the partnership service shows in the audit view. Public: partner organisations onboarded, agreements
 * signed and listings approved (the district's decisions about organisations). Restricted to auditors: partner
 * contacts (people) and placements (learners).
 */
@Configuration(proxyBeanMethods = false)
public class PartnershipAuditView {

    @Bean
    AuditViewPolicy auditViewPolicy() {
        return new AuditViewPolicy(Set.of(PartnerOnboarded.class, AgreementSigned.class, ListingApproved.class),
                Set.of(PartnerContactAdded.class, PartnerContactRemoved.class, PlacementRecorded.class,
                        PlacementHoursLogged.class, PlacementHoursConfirmed.class, PlacementCompleted.class,
                        AttestationRecorded.class));
    }

    @Bean
    AuditDescriber<PartnerOnboarded> partnerOnboarded() {
        return AuditDescriber.of(PartnerOnboarded.class,
                e -> "Partner '" + e.name() + "' (" + e.type() + ") onboarded",
                e -> "Partner '" + e.name() + "' (" + e.type() + ") onboarded");
    }

    @Bean
    AuditDescriber<AgreementSigned> agreementSigned() {
        return AuditDescriber.of(AgreementSigned.class,
                e -> "Agreement with partner " + e.partnerId() + " signed for " + e.start() + " to " + e.end(),
                e -> "Agreement with partner " + e.partnerId() + " signed for " + e.start() + " to " + e.end());
    }

    @Bean
    AuditDescriber<ListingApproved> listingApproved() {
        return AuditDescriber.of(ListingApproved.class,
                e -> "Listing " + e.listingId() + " of partner " + e.partnerId() + " approved",
                e -> "Listing " + e.listingId() + " of partner " + e.partnerId() + " approved");
    }

    @Bean
    AuditDescriber<PlacementRecorded> placementRecorded() {
        // pseudonymous student id stays out of the words; auditors find it in the event itself
        return AuditDescriber.of(PlacementRecorded.class,
                e -> "Placement " + e.placementId() + " on listing " + e.listingId() + " recorded", null);
    }
}
