package org.districtops.bench.district;

import java.time.Instant;

/**
 * One row for a service's event store, before serialization: exactly what Axon would have appended for the
 * aggregate ({@code aggregateType} is the aggregate's simple class name, as Axon writes it in column {@code type}).
 */
public record GeneratedEvent(Service service, String eventId, String aggregateId, String aggregateType, long sequence,
                             Instant timestamp, Object payload, String actorId, String actorRole, String correlationId) {

    /** The four services, by the name of their event-store database. */
    public enum Service {
        VISION("vision"), PILOT("pilot"), PD("pd"), PARTNERSHIP("partnership");

        public final String database;

        Service(String database) {
            this.database = database;
        }
    }
}
