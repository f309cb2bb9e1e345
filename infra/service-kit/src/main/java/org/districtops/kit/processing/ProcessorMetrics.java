package org.districtops.kit.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.SmartLifecycle;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Per processor and segment: whether this instance holds the segment ({@code dop.processor.segment.claimed}, 1 or
 * 0) and how many events it is behind the head of the event store ({@code dop.processor.lag}, NaN where another
 * instance holds the segment), plus the instances sharing the processors. Summing the claimed gauge over the
 * instances shows every segment held exactly once; the lag is what the "processor lag high" alert watches.
 */
public class ProcessorMetrics implements MeterBinder, SmartLifecycle {

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final Supplier<EventStore> eventStore;
    private final ProcessorInstances instances;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile MeterRegistry registry;
    private volatile long headPosition;
    private volatile long headReadAt;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public ProcessorMetrics(EventProcessingConfiguration processing, TokenStore tokenStore,
                            Supplier<EventStore> eventStore, ProcessorInstances instances) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.eventStore = eventStore;
        this.instances = instances;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("dop.processor.instances", instances, ProcessorInstances::liveInstances)
                .description("Instances of this service sharing the event processors' segments")
                .register(registry);
    }

    /** Registers gauges for segments that appeared (tokens are created when a processor first starts, or split). */
    void discoverSegments() {
        MeterRegistry target = registry;
        if (target == null) {
            return;
        }
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
            }
            int[] segments;
            try {
                segments = tokenStore.fetchSegments(name);
            } catch (RuntimeException e) {
                return;
            }
            for (int segment : segments) {
                if (registered.add(name + "#" + segment)) {
                    Gauge.builder("dop.processor.segment.claimed", () -> streaming.processingStatus().containsKey(segment) ? 1 : 0)
                            .description("1 when this instance holds the processor's segment")
                            .tag("processor", name).tag("segment", Integer.toString(segment))
                            .register(target);
                    Gauge.builder("dop.processor.lag", () -> lag(streaming, segment))
                            .description("Events between the head of the event store and the segment's position "
                                    + "(NaN where another instance holds the segment)")
                            .baseUnit("events")
                            .tag("processor", name).tag("segment", Integer.toString(segment))
                            .register(target);
                }
            }
        });
    }

    private double lag(StreamingEventProcessor processor, int segment) {
        EventTrackerStatus status = processor.processingStatus().get(segment);
        if (status == null) {
            return Double.NaN;
        }
        long position = status.getCurrentPosition().orElse(-1);
        return Math.max(0, head() - position);
    }

    /** The head of the event store, read at most once a second however often metrics are scraped. */
    private long head() {
        long now = System.nanoTime();
        if (now - headReadAt > 1_000_000_000L) {
            try {
                TrackingToken token = eventStore.get().createHeadToken();
                headPosition = token == null ? -1 : token.position().orElse(-1);
            } catch (RuntimeException e) {
                // keep the last known head
            }
            headReadAt = now;
        }
        return headPosition;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "processor-metrics");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::discoverSegments, 0, 2, TimeUnit.SECONDS);
        running = true;
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
