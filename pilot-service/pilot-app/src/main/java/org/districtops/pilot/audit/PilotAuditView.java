package org.districtops.pilot.audit;

import org.districtops.kit.audit.view.AuditDescriber;
import org.districtops.kit.audit.view.AuditViewPolicy;
import org.districtops.pilot.api.*;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * What the pilot service shows in the audit view. Public: launches, pre-registered and amended success criteria
 * (what a pilot promised before its results were known), decisions and whether proven models are shared. Pilots
 * record no personal data, so nothing is restricted.
 */
@Configuration(proxyBeanMethods = false)
public class PilotAuditView {

    @Bean
    AuditViewPolicy auditViewPolicy() {
        return new AuditViewPolicy(Set.of(PilotLaunched.class, CriteriaPreRegistered.class, CriteriaAmended.class,
                PilotDecided.class, ProvenModelSharingSet.class), Set.of());
    }

    @Bean
    AuditDescriber<PilotDecided> pilotDecided() {
        return AuditDescriber.of(PilotDecided.class,
                e -> "Pilot " + e.pilotId() + " decided: " + e.decision() + " (evidence tier " + e.evidenceTier()
                        + "): " + e.rationale(),
                e -> "Pilot " + e.pilotId() + " decided: " + e.decision() + " (evidence tier " + e.evidenceTier() + ")");
    }

    @Bean
    AuditDescriber<PilotLaunched> pilotLaunched() {
        return AuditDescriber.of(PilotLaunched.class, e -> "Pilot " + e.pilotId() + " launched on " + e.launchedOn(),
                e -> "Pilot " + e.pilotId() + " launched on " + e.launchedOn());
    }

    @Bean
    AuditDescriber<CriteriaPreRegistered> criteriaPreRegistered() {
        return AuditDescriber.of(CriteriaPreRegistered.class,
                e -> "Success criteria of pilot " + e.pilotId() + " pre-registered",
                e -> "Success criteria of pilot " + e.pilotId() + " pre-registered");
    }

    @Bean
    AuditDescriber<CriteriaAmended> criteriaAmended() {
        return AuditDescriber.of(CriteriaAmended.class,
                e -> "Success criteria of pilot " + e.pilotId() + " amended: " + e.reason(),
                e -> "Success criteria of pilot " + e.pilotId() + " amended: " + e.reason());
    }

    @Bean
    AuditDescriber<ProvenModelSharingSet> sharingSet() {
        return AuditDescriber.of(ProvenModelSharingSet.class,
                e -> e.shared() ? "Proven models shared with other districts" : "Proven models no longer shared",
                e -> e.shared() ? "Proven models shared with other districts" : "Proven models no longer shared");
    }
}
