package org.districtops.kit.audit.view;

import com.mongodb.client.MongoDatabase;
import org.districtops.kit.readside.ReadSideGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;

/**
 * The audit view in every service: the projection, its query endpoints, and the defaults a service can replace
 * (its {@link AuditViewPolicy} and any number of {@link AuditDescriber} beans).
 */
@Configuration(proxyBeanMethods = false)
public class AuditViewConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditViewPolicy auditViewPolicy() {
        return AuditViewPolicy.nothingPublic();
    }

    @Bean
    AuditSummaries auditSummaries(ObjectProvider<AuditDescriber<?>> describers) {
        return new AuditSummaries(List.copyOf(describers.orderedStream().toList()));
    }

    @Bean
    AuditServiceName auditServiceName(@Value("${dop.service-name}") String name) {
        return new AuditServiceName(name);
    }

    @Bean
    AuditViewProjection auditViewProjection(MongoDatabase readSideDatabase, ReadSideGuard readSideGuard,
                                            AuditSummaries auditSummaries, AuditViewPolicy auditViewPolicy,
                                            AuditServiceName auditServiceName) {
        return new AuditViewProjection(readSideDatabase, readSideGuard, auditSummaries, auditViewPolicy,
                auditServiceName);
    }

    @Bean
    AuditViewController auditViewController(AuditViewProjection auditViewProjection,
                                            @Value("${dop.audit.staff-roles:superintendent,district-staff,pd-staff,auditor}")
                                            Set<String> staffRoles) {
        return new AuditViewController(auditViewProjection, staffRoles);
    }
}
