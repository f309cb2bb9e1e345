package org.districtops.kit.audit;

import org.districtops.eventchain.EventChainVerifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The tamper-evident audit trail of the event store: the hash chain itself is built by PostgreSQL
 * (db/kit/V2__event_hash_chain.sql); this adds the checkpoints, the verification and their endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    @Bean
    @DependsOn("flywayInitializer")
    EventChainCheckpoints eventChainCheckpoints(JdbcTemplate jdbcTemplate, AuditProperties properties) {
        return new EventChainCheckpoints(jdbcTemplate, properties.checkpointInterval());
    }

    @Bean
    EventChainAudit eventChainAudit(DataSource dataSource) {
        return new EventChainAudit(dataSource, new EventChainVerifier());
    }

    @Bean
    AuditController auditController(EventChainCheckpoints eventChainCheckpoints, EventChainAudit eventChainAudit,
                                    @Value("${spring.application.name}") String serviceName) {
        return new AuditController(eventChainCheckpoints, eventChainAudit, serviceName);
    }
}
