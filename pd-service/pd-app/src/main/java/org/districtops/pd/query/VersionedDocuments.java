package org.districtops.pd.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One MongoDB document per aggregate, mapped as JSON. Idempotent under at-least-once delivery: a document
 * keeps the sequence number of the last event applied ({@code version}) and is written only over an older one.
 */
final class VersionedDocuments<S> {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final MongoCollection<Document> collection;
    private final Class<S> type;

    VersionedDocuments(MongoCollection<Document> collection, Class<S> type) {
        this.collection = collection;
        this.type = type;
    }

    /** The aggregate's first event: creates the document unless it exists. */
    void create(String id, long sequence, Supplier<S> state) {
        if (collection.find(Filters.eq("_id", id)).first() != null) {
            return;
        }
        collection.replaceOne(Filters.eq("_id", id), toDocument(id, sequence, state.get()),
                new ReplaceOptions().upsert(true));
    }

    /** A later event; also creates the document when {@code initial} is given (aggregates created by any command). */
    void change(String id, long sequence, Supplier<S> initial, Consumer<S> mutation) {
        Document doc = collection.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            if (initial == null) {
                return;
            }
            S state = initial.get();
            mutation.accept(state);
            collection.replaceOne(Filters.eq("_id", id), toDocument(id, sequence, state), new ReplaceOptions().upsert(true));
            return;
        }
        if (((Number) doc.get("version")).longValue() >= sequence) {
            return; // already applied
        }
        S state = fromDocument(doc);
        mutation.accept(state);
        collection.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence)),
                toDocument(id, sequence, state));
    }

    void change(String id, long sequence, Consumer<S> mutation) {
        change(id, sequence, null, mutation);
    }

    Optional<S> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(this::fromDocument);
    }

    List<S> find(Bson filter) {
        List<S> states = new ArrayList<>();
        collection.find(filter).forEach(d -> states.add(fromDocument(d)));
        return states;
    }

    private Document toDocument(String id, long sequence, S state) {
        Document doc = Document.parse(JSON.writeValueAsString(state));
        doc.put("_id", id);
        doc.put("version", sequence);
        return doc;
    }

    private S fromDocument(Document doc) {
        return JSON.readValue(doc.toJson(), type);
    }
}
