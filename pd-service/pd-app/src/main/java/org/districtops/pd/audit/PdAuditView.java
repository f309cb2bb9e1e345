package org.districtops.pd.audit;

import org.districtops.kit.audit.view.AuditDescriber;
import org.districtops.kit.audit.view.AuditViewPolicy;
import org.districtops.pd.api.*;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * What the PD service shows in the audit view. Public: the badge catalog (a badge defined, revised or retired).
 * Restricted to auditors: everything about an individual educator (registration, applications, awards,
 * portfolios, share links, erasure). Summaries never carry names, e-mail addresses or evidence text.
 */
@Configuration(proxyBeanMethods = false)
public class PdAuditView {

    @Bean
    AuditViewPolicy auditViewPolicy() {
        return new AuditViewPolicy(Set.of(BadgeDefined.class, BadgeRevised.class, BadgeRetired.class),
                Set.of(EducatorRegistered.class, EducatorSchoolsChanged.class, EducatorErased.class,
                        BadgeApplied.class, ApplicationReturned.class, BadgeAwarded.class, AwardRevoked.class,
                        AwardRenewed.class, PortfolioVisibilitySet.class, ShareLinkCreated.class,
                        ShareLinkRevoked.class));
    }

    @Bean
    AuditDescriber<BadgeDefined> badgeDefined() {
        return AuditDescriber.of(BadgeDefined.class, e -> defined(e), e -> defined(e));
    }

    private static String defined(BadgeDefined e) {
        return "Badge '" + e.terms().name() + "' added to the catalog (version " + e.version() + ", "
                + e.terms().pdHours() + " PD hours)";
    }

    @Bean
    AuditDescriber<BadgeRevised> badgeRevised() {
        return AuditDescriber.of(BadgeRevised.class, e -> revised(e), e -> revised(e));
    }

    private static String revised(BadgeRevised e) {
        return "Badge '" + e.terms().name() + "' revised to version " + e.version();
    }

    @Bean
    AuditDescriber<BadgeRetired> badgeRetired() {
        return AuditDescriber.of(BadgeRetired.class, e -> "Badge " + e.badgeId() + " retired: " + e.reason(),
                e -> "Badge " + e.badgeId() + " retired: " + e.reason());
    }

    @Bean
    AuditDescriber<BadgeAwarded> badgeAwarded() {
        // no educator id in the words: staff filter by aggregate when they need one educator's awards
        return AuditDescriber.of(BadgeAwarded.class, e -> "Badge " + e.badgeId() + " (version " + e.badgeVersion()
                + ") awarded, route " + e.route(), null);
    }
}
