package org.districtops.kit.readside;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.districtops.kit.config.ReadSideProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Set;

/**
 * Decides at start whether the read side can be trusted, before any event processor runs. The read side is
 * derived data: when it is missing, was built from another event store, has an older projection version, or
 * (embedded Mongo only) the last run did not stop cleanly, every projection and token is dropped, and the
 * processors rebuild it by replaying the event store.
 */
public class ReadSideGuard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadSideGuard.class);
    static final String STATE_COLLECTION = "read_side_state";
    /** Sagas are not projections: they carry process state and must not be replayed into new commands. */
    private static final Set<String> KEPT = Set.of(STATE_COLLECTION, "axon_sagas");

    private final MongoDatabase database;
    private final ReadSideProperties properties;
    private final String storeId;
    private volatile boolean running;
    private final String rebuildReason;

    public ReadSideGuard(MongoDatabase database, JdbcTemplate jdbc, ReadSideProperties properties) {
        this.database = database;
        this.properties = properties;
        this.storeId = jdbc.queryForObject("select id::text from store_identity order by created_at limit 1",
                String.class);
        this.rebuildReason = rebuildReason(database.getCollection(STATE_COLLECTION).find(new Document("_id", "state")).first());
        if (rebuildReason != null) {
            log.warn("Read side of database '{}' will be rebuilt from the event store: {}", properties.database(),
                    rebuildReason);
            dropDerivedCollections();
        } else {
            log.info("Read side of database '{}' is current; processors continue from their tokens",
                    properties.database());
        }
        writeState(false);
    }

    private String rebuildReason(Document state) {
        if (state == null) {
            return "no read side yet (or it was lost)";
        }
        if (!storeId.equals(state.getString("storeId"))) {
            return "it was built from another event store";
        }
        Integer version = state.getInteger("version");
        if (version == null || version != properties.version()) {
            return "projection version changed from " + version + " to " + properties.version();
        }
        if (properties.rebuildAfterUncleanShutdown() && !Boolean.TRUE.equals(state.getBoolean("cleanShutdown"))) {
            return "the last run did not shut down cleanly and the embedded read store may have lost writes";
        }
        return null;
    }

    private void dropDerivedCollections() {
        for (String name : database.listCollectionNames()) {
            if (!KEPT.contains(name)) {
                database.getCollection(name).drop();
            }
        }
    }

    private void writeState(boolean cleanShutdown) {
        Document state = new Document("_id", "state")
                .append("storeId", storeId)
                .append("version", properties.version())
                .append("cleanShutdown", cleanShutdown)
                .append("updatedAt", Instant.now().toString());
        database.getCollection(STATE_COLLECTION)
                .replaceOne(new Document("_id", "state"), state, new ReplaceOptions().upsert(true));
    }

    /** Why the read side was rebuilt at this start, or null when it was kept. */
    public String rebuildReason() {
        return rebuildReason;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs after the event processors stopped (lowest phase stops last): their last writes are in. */
    @Override
    public void stop() {
        try {
            writeState(true);
            log.info("Read side marked as cleanly shut down");
        } catch (RuntimeException e) {
            log.warn("Could not mark the read side as cleanly shut down; it will be rebuilt at next start", e);
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
