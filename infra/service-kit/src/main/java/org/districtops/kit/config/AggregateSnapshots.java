package org.districtops.kit.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of long-lived aggregates, so that loading one for a command reads its latest snapshot and the few
 * events after it instead of its whole history. An aggregate opts in with
 * {@code @Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)} and a {@code @Revision} that is
 * raised whenever its fields change meaning (Axon then ignores snapshots of another revision and replays).
 *
 * <p>Snapshots go to {@code snapshot_event_entry} (db/kit V1), which has no hash chain: they are a cache derived
 * from the chained events, and Axon falls back to the events when a snapshot cannot be read. They hold only what
 * the aggregate holds, which is what its events already carry (no personal data: that lives in the encrypted
 * store, never in aggregates or events).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateSnapshots {

    /** The bean name aggregates refer to. */
    public static final String TRIGGER = "aggregateSnapshotTrigger";

    /**
     * A snapshot after this many events loaded and applied since the last one. 100 keeps the events read per
     * command small while snapshotting rarely (each snapshot is one extra insert after the command's commit).
     */
    @Bean(TRIGGER)
    SnapshotTriggerDefinition aggregateSnapshotTrigger(Snapshotter snapshotter,
                                                       @Value("${dop.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Aggregates keep their state in private fields without getters (state changes only in event sourcing
     * handlers), so snapshots are (de)serialized field by field rather than through bean properties.
     */
    static Serializer serializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
