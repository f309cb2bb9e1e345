package org.districtops.kit.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import io.opentelemetry.api.OpenTelemetry;
import org.districtops.kit.errors.StoreOutages;
import org.districtops.kit.messaging.EventMetadataProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.districtops.kit.processing.ProcessingProperties;
import org.districtops.kit.processing.ProcessorInstances;
import org.districtops.kit.processing.ProcessorMetrics;
import org.districtops.kit.processing.PromptEventStreams;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.districtops.kit.readside.ReadSideGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Axon's stores: events in PostgreSQL (Axon's JdbcEventStorageEngine on the pooled DataSource, schema by
 * Flyway), and everything derived in the service's MongoDB database: tracking tokens,
 * sagas and dead letters next to the projections they belong to.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStoreConfiguration {

    /** Axon's serializer is Jackson 2 based (Boot 4 uses Jackson 3 for the web); dates as ISO strings. */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // tolerant reader for old events
    }

    /** Axon's units of work join Spring's JDBC transactions: all events of one command commit together. */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager platformTransactionManager) {
        return new SpringTransactionManager(platformTransactionManager);
    }

    /**
     * The event store engine, declared here rather than by Axon's JdbcAutoConfiguration, whose
     * "DataSource present" condition is evaluated before Boot 4 has registered the DataSource.
     */
    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager axonTransactionManager,
                                          @Qualifier("eventSerializer") Serializer eventSerializer) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(axonTransactionManager)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(AggregateSnapshots.serializer())
                // PostgreSQL reports a duplicate (aggregate, sequence) as SQLState 23505: a concurrent change
                .persistenceExceptionResolver(new SQLStateResolver())
                .schema(EVENT_SCHEMA)
                .build();
    }

    /**
     * Axon's query bus as its Spring Boot auto-configuration builds it, but without the transaction manager: that
     * one opens a PostgreSQL transaction around every query, so with the event store down even reads of the MongoDB
     * read side failed. Queries read the read side (or the event store read-only, which needs no transaction).
     */
    @Bean("queryBus")
    @Qualifier("localSegment")
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /** Table and column names as created by db/kit/V1__axon_event_store.sql (snake case, like Axon's JPA). */
    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /**
     * Fail fast when the read store is unreachable (the driver's default waits 30 s per operation), so a
     * missing MongoDB pauses projections and fails reads quickly (503, see StoreOutages) instead of hanging
     * requests and shutdown. A read timeout bounds a connection to a server that stopped answering.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer readSideTimeouts(
            @Value("${dop.read-side.server-selection-timeout:2s}") java.time.Duration serverSelection,
            @Value("${dop.read-side.connect-timeout:2s}") java.time.Duration connect,
            @Value("${dop.read-side.read-timeout:30s}") java.time.Duration read) {
        return settings -> settings
                .applyToClusterSettings(c -> c.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) connect.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) read.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    MongoDatabase readSideDatabase(MongoClient client, ReadSideProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase readSideDatabase) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(readSideDatabase)
                .trackingTokensCollectionName("axon_tracking_tokens")
                .sagasCollectionName("axon_sagas")
                .deadLetterCollectionName("axon_dead_letters")
                .build();
    }

    /** Depends on the guard so that a stale read side is cleared before any processor claims a token. */
    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, ReadSideGuard readSideGuard,
                          ProcessingProperties processing) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(processing.claimTimeout())
                // the claim owner: unique per instance, also when two instances share a host (or a JVM in tests)
                .nodeId(processing.instanceId())
                .build();
    }

    @Bean
    ProcessorInstances processorInstances(MongoDatabase readSideDatabase, TokenStore tokenStore,
                                          ProcessingProperties processing) {
        return new ProcessorInstances(readSideDatabase, tokenStore, processing);
    }

    @Bean
    ProcessorMetrics eventProcessorSegmentMetrics(EventProcessingConfiguration eventProcessing, TokenStore tokenStore,
                                      org.axonframework.config.Configuration axon, ProcessorInstances instances) {
        return new ProcessorMetrics(eventProcessing, tokenStore, axon::eventStore, instances);
    }

    /** Every metric says which service and which instance it comes from. */
    @Bean
    MeterRegistryCustomizer<MeterRegistry> serviceAndInstanceTags(@Value("${spring.application.name}") String service,
                                                                  ProcessingProperties processing) {
        return registry -> registry.config().commonTags("service", service, "instance", processing.instanceId());
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /**
     * One stream of event processors for every projection, with failed events parked in a dead-letter queue.
     * Each processor's token is split into {@code dop.processing.segments} segments, which the running instances
     * share evenly ({@link ProcessorInstances}).
     */
    @Bean
    ConfigurerModule eventProcessingDefaults(MongoTemplate axonMongoTemplate,
                                             @Qualifier("eventSerializer") Serializer eventSerializer,
                                             Serializer serializer, TransactionManager transactionManager,
                                             ProcessingProperties processing,
                                             ObjectProvider<ProcessorInstances> instances) {
        // one wake-up timer for all processors of this service, stopped with Axon
        AtomicReference<PromptEventStreams> eventSource = new AtomicReference<>();
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .messageSource(eventSource.updateAndGet(current -> current != null ? current
                                : started(new PromptEventStreams(config.eventStore(), processing.wakeUpInterval()), config)))
                        .initialSegmentCount(processing.segments())
                        // one token update (and one unit of work) per batch instead of per event; the
                        // projections are idempotent, so a batch redelivered after a failure changes nothing
                        .batchSize(processing.batchSize())
                        .tokenClaimInterval(processing.tokenClaimInterval().toMillis())
                        // extend claims well within their timeout, also while no events arrive
                        .claimExtensionThreshold(processing.claimTimeout().toMillis() / 3)
                        .maxSegmentProvider(name -> instances.getObject().getMaxSegments(name)))
                .registerDefaultDeadLetterPolicy(config -> AxonStoreConfiguration::deadLetterUnlessStoreOutage)
                .registerDeadLetterQueueProvider(processingGroup -> config ->
                        MongoSequencedDeadLetterQueue.builder()
                                .processingGroup(processingGroup)
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(eventSerializer)
                                .transactionManager(transactionManager)
                                .build());
    }

    private static PromptEventStreams started(PromptEventStreams streams, org.axonframework.config.Configuration config) {
        config.onShutdown(streams::close);
        return streams;
    }

    /**
     * An event whose handler failed because a store was unreachable is not dead-lettered: nothing is wrong with
     * the event, and parking it would leave a hole in the projection once the store is back (nothing replays the
     * queue automatically). Rethrowing makes the processor release its segment and retry from the same token, with
     * Axon's back-off (0.5 s doubling up to 60 s), so the projection pauses and then catches up in order.
     */
    static EnqueueDecision<EventMessage<?>> deadLetterUnlessStoreOutage(DeadLetter<? extends EventMessage<?>> letter,
                                                                         Throwable cause) {
        if (StoreOutages.unavailablePart(cause).isPresent()) {
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Store unavailable while handling an event", cause);
        }
        return Decisions.enqueue(cause);
    }

    /**
     * Axon's spans (command dispatch and handling, event publication, each projection's handling) on Boot's
     * OpenTelemetry SDK, so they join the HTTP request's trace; the trace context travels in event metadata
     * ({@code traceparent}) to the processors. Axon's own default would use the global SDK, which Boot does not set.
     */
    @Bean
    SpanFactory axonSpanFactory(ObjectProvider<OpenTelemetry> openTelemetry) {
        OpenTelemetry otel = openTelemetry.getIfAvailable(OpenTelemetry::noop);
        return OpenTelemetrySpanFactory.builder()
                .tracer(otel.getTracer("AxonFramework-OpenTelemetry"))
                .contextPropagators(otel.getPropagators().getTextMapPropagator())
                .build();
    }

    @Bean
    CorrelationDataProvider eventMetadataProvider() {
        return new EventMetadataProvider();
    }
}
