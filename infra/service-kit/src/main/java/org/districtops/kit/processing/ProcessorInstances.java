package org.districtops.kit.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spreads each processor's segments evenly over the running instances of a service. Axon 4 balances segments
 * only with Axon Server; without it the first instance claims every segment. Here every instance writes a
 * heartbeat to the service's MongoDB (next to the token store), counts the instances seen within the claim
 * timeout, and tells its processors to hold at most their fair share ({@link MaxSegmentProvider}): Axon's
 * coordinator then releases the surplus, which the other instances claim. When an instance stops or dies
 * its heartbeat goes, the fair share of the others grows and they claim the segments it held.
 */
public class ProcessorInstances implements MaxSegmentProvider, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessorInstances.class);
    static final String COLLECTION = "processor_instances";

    private final MongoDatabase database;
    private final TokenStore tokenStore;
    private final ProcessingProperties properties;
    private final Map<String, Integer> segmentCounts = new ConcurrentHashMap<>();
    private volatile int liveInstances = 1;
    private volatile boolean running;
    private final ScheduledExecutorService scheduler;

    public ProcessorInstances(MongoDatabase database, TokenStore tokenStore, ProcessingProperties properties) {
        this.database = database;
        this.tokenStore = tokenStore;
        this.properties = properties;
        beat(); // before any processor starts, so the first claims already see the other instances
        // beating from construction on, not from lifecycle start: a slow start must not look like a dead instance
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "processor-instances");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(200, properties.claimTimeout().toMillis() / 4);
        scheduler.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    /** This instance's fair share of a processor's segments: ceil(segments / live instances). */
    @Override
    public int getMaxSegments(String processorName) {
        int segments = segmentCounts.computeIfAbsent(processorName, this::countSegments);
        return Math.max(1, (segments + liveInstances - 1) / liveInstances);
    }

    public int liveInstances() {
        return liveInstances;
    }

    public String instanceId() {
        return properties.instanceId();
    }

    private int countSegments(String processorName) {
        try {
            int count = tokenStore.fetchSegments(processorName).length;
            return count == 0 ? properties.segments() : count;
        } catch (RuntimeException e) {
            return properties.segments();
        }
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }

    void beat() {
        try {
            Date now = new Date();
            collection().replaceOne(Filters.eq("_id", properties.instanceId()),
                    new Document("_id", properties.instanceId()).append("seenAt", now), new ReplaceOptions().upsert(true));
            Date liveSince = Date.from(Instant.now().minus(properties.claimTimeout()));
            int live = (int) Math.max(1, collection().countDocuments(Filters.gte("seenAt", liveSince)));
            if (live != liveInstances) {
                log.info("{} instance(s) of this service share the event processors", live);
            }
            liveInstances = live;
            segmentCounts.replaceAll((name, count) -> countSegments(name));
        } catch (RuntimeException e) {
            // without the read store the processors cannot claim anything either; keep the last count
            log.debug("Processor heartbeat failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Stops after the processors (lower phase): leaving tells the others at once to take the segments over. */
    @Override
    public void stop() {
        scheduler.shutdownNow();
        try {
            collection().deleteOne(Filters.eq("_id", properties.instanceId()));
        } catch (RuntimeException e) {
            log.debug("Could not remove the processor heartbeat; it expires after the claim timeout", e);
        }
        running = false;
    }

    /** Also when the context failed before it started. */
    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 200;
    }
}
