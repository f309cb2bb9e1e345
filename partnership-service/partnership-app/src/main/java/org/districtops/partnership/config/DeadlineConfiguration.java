package org.districtops.partnership.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Expiry is an Axon deadline scheduled by the aggregate. {@link SimpleDeadlineManager} keeps deadlines in memory,
 * so {@code ExpiryRearmer} re-arms them after a restart (and records the expiries that passed while down).
 */
@Configuration
public class DeadlineConfiguration {

    @Bean
    public DeadlineManager deadlineManager(org.axonframework.config.Configuration axon, TransactionManager transactions) {
        return SimpleDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .transactionManager(transactions)
                .build();
    }
}
