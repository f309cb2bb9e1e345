package org.districtops.kit.readside;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.config.Configuration;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows how far each projection is behind the event store: in the log every few seconds while a processor
 * is catching up (events done / total, rate, time left), and as the {@code readSide} health detail.
 */
public class ReplayProgress implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ReplayProgress.class);

    private final EventProcessingConfiguration processing;
    private final Configuration axon;
    private final ReadSideGuard guard;
    private final MongoDatabase readSideDatabase;
    private final long intervalMillis;
    private final Map<String, Long> lastPositions = new LinkedHashMap<>();
    private ScheduledExecutorService scheduler;
    private long lastCheck;
    private long behindSince = -1;

    public ReplayProgress(EventProcessingConfiguration processing, Configuration axon, ReadSideGuard guard,
                          MongoDatabase readSideDatabase, long intervalMillis) {
        this.readSideDatabase = readSideDatabase;
        this.processing = processing;
        this.axon = axon;
        this.guard = guard;
        this.intervalMillis = intervalMillis;
    }

    /** Per processor: its position and the head of the event store. */
    public Map<String, long[]> positions() {
        long head = position(axon.eventStore().createHeadToken());
        Map<String, long[]> result = new LinkedHashMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                long lowest = streaming.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .mapToLong(p -> p.orElse(0))
                        .min().orElse(0);
                result.put(name, new long[]{lowest, head});
            }
        });
        return result;
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        OptionalLong position = token.position();
        return position.orElse(0);
    }

    void report() {
        try {
            long now = System.currentTimeMillis();
            double seconds = lastCheck == 0 ? 0 : (now - lastCheck) / 1000.0;
            boolean anyBehind = false;
            for (var entry : positions().entrySet()) {
                long done = entry.getValue()[0];
                long total = entry.getValue()[1];
                Long previous = lastPositions.put(entry.getKey(), done);
                if (done >= total) {
                    continue;
                }
                anyBehind = true;
                double rate = previous == null || seconds == 0 || done < previous ? 0 : (done - previous) / seconds;
                log.info("Read side rebuilding: processor '{}' at {} of {} events ({}%), {} events/s, {}",
                        entry.getKey(), done, total, total == 0 ? 100 : done * 100 / total, Math.round(rate),
                        rate > 0 ? "about " + Math.max(1, Math.round((total - done) / rate)) + " s left" : "starting");
            }
            if (anyBehind && behindSince < 0) {
                behindSince = now;
            } else if (!anyBehind && behindSince >= 0) {
                log.info("Read side up to date after {} ms", now - behindSince);
                behindSince = -1;
            }
            lastCheck = now;
        } catch (RuntimeException e) {
            log.debug("Could not read processor progress", e);
        }
    }

    @Override
    public Health health() {
        try {
            readSideDatabase.runCommand(new Document("ping", 1));
        } catch (RuntimeException e) {
            return Health.down(e).withDetail("readStore", "unreachable").build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        positions().forEach((name, p) -> details.put(name, Map.of("position", p[0], "head", p[1],
                "caughtUp", p[0] >= p[1])));
        if (guard.rebuildReason() != null) {
            details.put("rebuiltAtStartBecause", guard.rebuildReason());
        }
        return Health.up().withDetails(details).build();
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "read-side-progress");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::report, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
