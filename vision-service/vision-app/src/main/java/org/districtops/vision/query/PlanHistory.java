package org.districtops.vision.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.districtops.vision.api.PlanDashboard;
import org.districtops.vision.api.PlanRef;
import org.districtops.vision.api.StrategicPlanCreated;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A plan as it was recorded at a past moment, computed from its events in the event store rather than from the
 * read model: only events appended before the cut-off count, folded with the projection's own rules
 * ({@link PublicPlanProjection#created}, {@link PublicPlanProjection#mutation}). So the board report of a
 * meeting shows what the board saw that day, not later corrections or back-dated entries.
 */
@Component
public class PlanHistory {

    private final EventStore eventStore;

    public PlanHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The plan document built from its events appended before {@code recordedBefore}; empty if none were. */
    public Optional<Document> plan(String districtId, String planId, Instant recordedBefore) {
        DomainEventStream events = eventStore.readEvents(new PlanRef(districtId, planId).toString(), 0);
        Document plan = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Instant at = event.getTimestamp();
            if (!at.isBefore(recordedBefore)) {
                break; // one aggregate's events are appended in time order
            }
            if (event.getPayload() instanceof StrategicPlanCreated created) {
                plan = PublicPlanProjection.created(created, event.getSequenceNumber(), at);
                continue;
            }
            Consumer<Document> mutation = PublicPlanProjection.mutation(event.getPayload(), at);
            if (plan != null && mutation != null) {
                mutation.accept(plan);
                plan.put("version", event.getSequenceNumber());
                plan.put("updatedAt", Date.from(at));
            }
        }
        return Optional.ofNullable(plan);
    }

    /** The dashboard at {@code asOf} from what had been recorded before {@code recordedBefore}. */
    public Optional<PlanDashboard> dashboard(String districtId, String planId, LocalDate asOf, Instant recordedBefore) {
        return plan(districtId, planId, recordedBefore).map(d -> PlanDashboards.asOf(d, asOf));
    }
}
