package org.districtops.kit.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import com.mongodb.client.MongoDatabase;
import org.districtops.kit.audit.AuditConfiguration;
import org.districtops.kit.audit.view.AuditViewConfiguration;
import org.districtops.kit.readside.ProjectionRebuilds;
import org.districtops.kit.readside.RebuildController;
import org.districtops.kit.readside.RebuildSwitchGate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.kit.processing.ProcessingProperties;
import org.districtops.kit.readside.ReadSideGuard;
import org.districtops.kit.readside.ReplayProgress;
import org.districtops.kit.security.ResourceServerConfiguration;
import org.districtops.kit.web.CorrelationIdFilter;
import org.districtops.kit.web.ProblemDetailsAdvice;
import org.districtops.kit.web.ServiceInfoController;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service kit: one import gives a service the platform's stores, metadata, errors, security, ops and the
 * event store's audit trail.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        before = {AxonAutoConfiguration.class, ObjectMapperAutoConfiguration.class,
        EventProcessingAutoConfiguration.class, OpenTelemetryAutoConfiguration.class})
@EnableConfigurationProperties({ReadSideProperties.class, ProcessingProperties.class})
@Import({AxonStoreConfiguration.class, AggregateSnapshots.class, ResourceServerConfiguration.class, AuditConfiguration.class,
        AuditViewConfiguration.class})
public class ServiceKitAutoConfiguration {

    @Bean
    @DependsOn("flywayInitializer")
    ReadSideGuard readSideGuard(MongoDatabase readSideDatabase, JdbcTemplate jdbcTemplate,
                                ReadSideProperties properties) {
        return new ReadSideGuard(readSideDatabase, jdbcTemplate, properties);
    }

    @Bean
    ReplayProgress readSide(EventProcessingConfiguration processing, org.axonframework.config.Configuration axon,
                            ReadSideGuard guard, MongoDatabase readSideDatabase,
                            @Value("${dop.read-side.progress-interval-ms:2000}") long intervalMillis) {
        return new ReplayProgress(processing, axon, guard, readSideDatabase, intervalMillis);
    }

    @Bean
    ProjectionRebuilds projectionRebuilds(ConfigurableListableBeanFactory beanFactory,
                                          org.axonframework.config.Configuration axon,
                                          EventProcessingConfiguration processing, MongoDatabase readSideDatabase,
                                          ObjectProvider<RebuildSwitchGate> gate,
                                          @Value("${dop.read-side.progress-interval-ms:2000}") long intervalMillis) {
        return new ProjectionRebuilds(beanFactory, axon, processing, readSideDatabase, gate.getIfAvailable(),
                intervalMillis);
    }

    @Bean
    RebuildController rebuildController(ProjectionRebuilds projectionRebuilds) {
        return new RebuildController(projectionRebuilds);
    }

    @Bean
    CommandSender commandSender(CommandGateway commandGateway) {
        return new CommandSender(commandGateway);
    }

    @Bean
    ServiceInfoController serviceInfoController(@Value("${spring.application.name}") String name) {
        return new ServiceInfoController(name);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    org.districtops.kit.web.ProblemErrorController problemErrorController() {
        return new org.districtops.kit.web.ProblemErrorController();
    }

    @Bean
    org.districtops.kit.web.TomcatProblemErrors tomcatProblemErrors() {
        return new org.districtops.kit.web.TomcatProblemErrors();
    }

    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        return org.districtops.kit.web.TomcatProblemErrors.requestRejectedHandler();
    }

    /** Tomcat keeps an encoded "/" as it is instead of refusing it itself; Spring Security's firewall then refuses it as problem+json. */
    @Bean
    org.springframework.boot.tomcat.TomcatConnectorCustomizer encodedSlashPassThrough() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    /** Registers the tenancy check that runs before any handler binds its arguments. */
    @Bean
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer districtBinding() {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                registry.addInterceptor(new org.districtops.kit.security.DistrictBindingInterceptor());
            }
        };
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
