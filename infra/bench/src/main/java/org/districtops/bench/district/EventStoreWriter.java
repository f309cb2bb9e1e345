package org.districtops.bench.district;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.districtops.bench.district.GeneratedEvent.Service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Appends generated events to each service's event store the way Axon's JdbcEventStorageEngine does: the same
 * table and columns (db/kit/V1), Axon's JacksonSerializer configured like the kit's (AxonStoreConfiguration), the
 * timestamp as ISO text. The hash-chain trigger (db/kit/V2) chains every row inside the inserting transaction, so
 * the audit trail stays verifiable. Running services pick the rows up from their tracking tokens, like any append.
 */
public final class EventStoreWriter implements Consumer<GeneratedEvent>, AutoCloseable {

    public static final String INSERT = "insert into domain_event_entry (event_identifier, meta_data, payload, "
            + "payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JacksonSerializer serializer = axonSerializer();
    private final Map<Service, Connection> connections = new EnumMap<>(Service.class);
    private final Map<Service, PreparedStatement> statements = new EnumMap<>(Service.class);
    private final Map<Service, Integer> pending = new EnumMap<>(Service.class);
    private final Map<Service, Long> written = new EnumMap<>(Service.class);
    private final int batchSize;
    private final long expected;
    private final long startNanos = System.nanoTime();
    private long lastReport = startNanos;

    /**
     * Keep {@code batchSize} small (100): the chain trigger updates the one head row for every event, and inside one
     * transaction each update leaves a row version that the next event's lock has to walk past (measured: 1,000-row
     * batches made the load about 300 events/s).
     *
     * <p>{@code jdbcUrlPrefix} is e.g. {@code jdbc:postgresql://127.0.0.1:54329/}; the service's database is appended. */
    public EventStoreWriter(String jdbcUrlPrefix, String user, String password, int batchSize, long expected)
            throws SQLException {
        this.batchSize = batchSize;
        this.expected = expected;
        for (Service service : Service.values()) {
            Connection connection = DriverManager.getConnection(jdbcUrlPrefix + service.database
                    + "?reWriteBatchedInserts=true", user, password);
            connection.setAutoCommit(false);
            connections.put(service, connection);
            statements.put(service, connection.prepareStatement(INSERT));
            pending.put(service, 0);
            written.put(service, 0L);
        }
    }

    /** The serializer the services use for events (Jackson 2, ISO dates, tolerant reader). */
    public static JacksonSerializer axonSerializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /** The row values of one event, in {@link #INSERT}'s order. */
    public static Object[] row(JacksonSerializer serializer, GeneratedEvent e, String districtId) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("causationId", e.correlationId());
        meta.put("correlationId", e.correlationId());
        meta.put("districtId", districtId);
        meta.put("actorId", e.actorId());
        meta.put("actorRole", e.actorRole());
        SerializedObject<byte[]> payload = serializer.serialize(e.payload(), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.from(meta), byte[].class);
        return new Object[]{e.eventId(), metaData.getData(), payload.getData(), payload.getType().getRevision(),
                payload.getType().getName(), e.timestamp().toString(), e.aggregateId(), e.sequence(), e.aggregateType()};
    }

    @Override
    public void accept(GeneratedEvent event) {
        try {
            PreparedStatement statement = statements.get(event.service());
            Object[] row = row(serializer, event, districtOf(event));
            for (int i = 0; i < row.length; i++) {
                statement.setObject(i + 1, row[i]);
            }
            statement.addBatch();
            int n = pending.merge(event.service(), 1, Integer::sum);
            if (n >= batchSize) {
                flush(event.service());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append to " + event.service().database + ": " + e.getMessage(), e);
        }
        report(false);
    }

    private static String districtOf(GeneratedEvent event) {
        String aggregate = event.aggregateId();
        return aggregate.substring(0, aggregate.indexOf('/'));
    }

    private void flush(Service service) throws SQLException {
        int n = pending.get(service);
        if (n == 0) {
            return;
        }
        statements.get(service).executeBatch();
        connections.get(service).commit();
        pending.put(service, 0);
        written.merge(service, (long) n, Long::sum);
    }

    public long written() {
        return written.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<Service, Long> writtenPerService() {
        return Map.copyOf(written);
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void report(boolean force) {
        long now = System.nanoTime();
        if (force || now - lastReport > 2_000_000_000L) {
            lastReport = now;
            long done = written();
            double seconds = (now - startNanos) / 1e9;
            System.out.printf(Locale.ROOT, "  generator: %,d of %,d events written (%d%%), %,.0f events/s%n", done,
                    expected, expected == 0 ? 100 : done * 100 / expected, done / Math.max(seconds, 1e-3));
        }
    }

    @Override
    public void close() throws SQLException {
        for (Service service : Service.values()) {
            flush(service);
            statements.get(service).close();
            connections.get(service).close();
        }
        report(true);
    }
}
