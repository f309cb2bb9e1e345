package org.districtops.kit.audit.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.districtops.kit.messaging.MetadataKeys;
import org.districtops.kit.readside.ReadSideGuard;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The audit view: one document per event of the service, whatever its type: who (actor id and role from the
 * event's metadata), what (type and summary), when, on which aggregate, correlation id and district. Its own
 * processing group, so it is rebuilt and replayed on its own. Idempotent: the document id is the event id and
 * every field comes from the event alone, so a replay writes the same document again.
 */
@ProcessingGroup(AuditViewProjection.PROCESSING_GROUP)
public class AuditViewProjection {

    public static final String PROCESSING_GROUP = "audit-view";
    public static final String COLLECTION = "audit_entries";
    static final int MAX_PAGE_SIZE = 200;

    private final MongoCollection<Document> entries;
    private final AuditSummaries summaries;
    private final AuditViewPolicy policy;
    private final String service;

    /** Takes the guard so a stale read side is dropped before the indexes are made. */
    public AuditViewProjection(MongoDatabase readSideDatabase, ReadSideGuard readSideGuard, AuditSummaries summaries,
                               AuditViewPolicy policy, AuditServiceName service) {
        this.entries = readSideDatabase.getCollection(COLLECTION);
        this.summaries = summaries;
        this.policy = policy;
        this.service = service.name();
        // single-field indexes only: the embedded Mongo server ignores compound ones
        for (String field : List.of("districtId", "at", "aggregateId", "actorId", "eventType")) {
            entries.createIndex(Indexes.ascending(field));
        }
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        long position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1) : -1;
        Class<?> type = event.getClass();
        boolean isPublic = policy.isPublic(type);
        Document entry = new Document("_id", message.getIdentifier())
                .append("position", position)
                .append("at", Date.from(message.getTimestamp()))
                .append("service", service)
                .append("districtId", meta(message, MetadataKeys.DISTRICT_ID))
                .append("eventType", type.getSimpleName())
                .append("summary", summaries.summary(event, aggregateType, aggregateId))
                .append("aggregateType", aggregateType)
                .append("aggregateId", aggregateId)
                .append("sequence", sequence)
                .append("actorId", meta(message, MetadataKeys.ACTOR_ID))
                .append("actorRole", meta(message, MetadataKeys.ACTOR_ROLE))
                .append("correlationId", meta(message, MetadataKeys.CORRELATION_ID))
                .append("public", isPublic)
                .append("publicSummary", isPublic ? summaries.publicSummary(event) : null)
                .append("restricted", policy.isRestricted(type));
        // an audit entry is a fact about one event: the first write stands, and delivering the event again (a
        // replay, a retried batch) changes nothing, whatever token position the redelivery carries
        Object id = entry.remove("_id");
        entries.updateOne(Filters.eq("_id", id), new Document("$setOnInsert", entry), new UpdateOptions().upsert(true));
    }

    /** Staff and auditors: {@code includeRestricted} only for auditors. */
    public AuditPage<AuditEntry> find(AuditQuery query, boolean includeRestricted, int page, int size) {
        List<Bson> filters = filters(query);
        if (!includeRestricted) {
            filters.add(Filters.ne("restricted", true));
        }
        return page(Filters.and(filters), page, size, AuditViewProjection::entry);
    }

    /** The public-safe subset, redacted. */
    public AuditPage<PublicAuditEntry> findPublic(AuditQuery query, int page, int size) {
        List<Bson> filters = filters(query);
        filters.add(Filters.eq("public", true));
        return page(Filters.and(filters), page, size, d -> new PublicAuditEntry(d.getString("_id"),
                d.getDate("at").toInstant(), d.getString("service"), d.getString("districtId"),
                d.getString("eventType"), d.getString("publicSummary"), d.getString("aggregateType"),
                d.getString("aggregateId"), d.getString("actorRole")));
    }

    private <T> AuditPage<T> page(Bson filter, int page, int size, java.util.function.Function<Document, T> map) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int number = Math.max(0, page);
        List<T> result = new ArrayList<>();
        entries.find(filter).sort(Sorts.descending("at", "position")).skip(number * limit).limit(limit)
                .forEach(d -> result.add(map.apply(d)));
        return new AuditPage<>(result, number, limit, entries.countDocuments(filter));
    }

    private static List<Bson> filters(AuditQuery q) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("districtId", q.districtId()));
        if (q.aggregateType() != null) filters.add(Filters.eq("aggregateType", q.aggregateType()));
        if (q.aggregateId() != null) filters.add(Filters.eq("aggregateId", q.aggregateId()));
        if (q.actorId() != null) filters.add(Filters.eq("actorId", q.actorId()));
        if (q.eventType() != null) filters.add(Filters.eq("eventType", q.eventType()));
        if (q.from() != null) filters.add(Filters.gte("at", Date.from(q.from())));
        if (q.to() != null) filters.add(Filters.lt("at", Date.from(q.to())));
        return filters;
    }

    private static AuditEntry entry(Document d) {
        return new AuditEntry(d.getString("_id"), d.getLong("position"), d.getDate("at").toInstant(),
                d.getString("service"), d.getString("districtId"), d.getString("eventType"), d.getString("summary"),
                d.getString("aggregateType"), d.getString("aggregateId"), d.getLong("sequence"),
                d.getString("actorId"), d.getString("actorRole"), d.getString("correlationId"),
                Boolean.TRUE.equals(d.getBoolean("public")), Boolean.TRUE.equals(d.getBoolean("restricted")));
    }

    private static String meta(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
