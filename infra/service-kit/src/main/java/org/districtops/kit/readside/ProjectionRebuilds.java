package org.districtops.kit.readside;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.RenameCollectionOptions;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.kit.messaging.CommandSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.core.MethodParameter;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The admin rebuild: replays the event store into NEW collections while the service keeps serving (and updating)
 * the old ones, then switches over. For each projection it builds a second instance of the projection class,
 * constructed like the live bean but given a MongoDatabase whose collection names carry the suffix
 * {@value #SUFFIX}, and feeds it every event through Axon's annotation adapter (so the same handlers, parameter
 * resolvers and idempotency rules apply). Once caught up it pauses the live processors, applies the last events,
 * renames each new collection over the old one ({@code renameCollection} with {@code dropTarget}: each swap is
 * atomic for readers) and restarts the live processors, which redeliver from their own tokens; handlers are
 * idempotent, so that changes nothing. Groups whose handlers send commands (process managers) are not
 * projections and are never replayed. One rebuild at a time.
 */
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    static final String SUFFIX = "__rebuild";
    private static final Set<Class<?>> ACTING = Set.of(CommandSender.class, CommandGateway.class, CommandBus.class);

    private final ConfigurableListableBeanFactory beans;
    private final Configuration axon;
    private final EventProcessingConfiguration processing;
    private final MongoDatabase database;
    private final RebuildSwitchGate gate;
    private final long progressIntervalMillis;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read-side-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<RebuildStatus> current = new AtomicReference<>();

    public ProjectionRebuilds(ConfigurableListableBeanFactory beans, Configuration axon,
                              EventProcessingConfiguration processing, MongoDatabase database, RebuildSwitchGate gate,
                              long progressIntervalMillis) {
        this.beans = beans;
        this.axon = axon;
        this.processing = processing;
        this.database = database;
        this.gate = gate;
        this.progressIntervalMillis = progressIntervalMillis;
    }

    /** The projections that can be rebuilt: processing group name to its handler beans' names. */
    public Map<String, List<String>> projections() {
        Map<String, List<String>> groups = new TreeMap<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            Class<?> type = beans.getType(name);
            if (group == null || type == null || acts(type)
                    || processing.eventProcessor(group.value(), StreamingEventProcessor.class).isEmpty()) {
                continue;
            }
            groups.computeIfAbsent(group.value(), g -> new ArrayList<>()).add(name);
        }
        return groups;
    }

    public RebuildStatus current() {
        return current.get();
    }

    /** Starts a rebuild of one projection, or of all when {@code processingGroup} is null. */
    public synchronized RebuildStatus start(String processingGroup) {
        RebuildStatus running = current.get();
        if (running != null && running.finishedAt() == null) {
            throw new StateConflictException("A rebuild is already running: " + running.id());
        }
        Map<String, List<String>> all = projections();
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        if (processingGroup == null) {
            chosen.putAll(all);
        } else if (all.containsKey(processingGroup)) {
            chosen.put(processingGroup, all.get(processingGroup));
        } else {
            throw new InvalidInputException("processingGroup", "not a projection of this service; one of " + all.keySet());
        }
        RebuildStatus status = new RebuildStatus(UUID.randomUUID().toString(), List.copyOf(chosen.keySet()),
                "RUNNING", 0, head(), 0, null, Instant.now(), null, List.of(), null);
        current.set(status);
        executor.submit(() -> run(status, chosen));
        return status;
    }

    /** Runs a rebuild in the calling thread and returns its final status (for benchmarks and tools). */
    public RebuildStatus runNow(String processingGroup) throws InterruptedException {
        RebuildStatus started = start(processingGroup);
        while (current.get().finishedAt() == null || !current.get().id().equals(started.id())) {
            Thread.sleep(20);
        }
        return current.get();
    }

    private void run(RebuildStatus initial, Map<String, List<String>> groups) {
        long startNanos = System.nanoTime();
        List<Target> targets = new ArrayList<>();
        Set<String> collections = new LinkedHashSet<>();
        List<StreamingEventProcessor> paused = new ArrayList<>();
        long done = 0;
        try {
            dropLeftovers();
            for (var group : groups.entrySet()) {
                for (String bean : group.getValue()) {
                    RecordingDatabase db = new RecordingDatabase();
                    Object instance = instantiate(bean, db.proxy());
                    targets.add(new Target(new AnnotationEventHandlerAdapter(instance, axon.parameterResolverFactory(),
                            axon.handlerDefinition(instance.getClass())), db.names));
                }
            }
            log.info("Read side rebuild {} started for {}: replaying {} events into new collections; the current "
                    + "view keeps serving", initial.id(), groups.keySet(), initial.eventsTotal());
            try (BlockingStream<TrackedEventMessage<?>> stream = axon.eventStore().openStream(null)) {
                long lastLog = System.currentTimeMillis();
                long total = initial.eventsTotal();
                while (stream.hasNextAvailable()) {
                    done = apply(stream.nextAvailable(), targets);
                    long now = System.currentTimeMillis();
                    if (now - lastLog >= progressIntervalMillis) {
                        lastLog = now;
                        total = Math.max(head(), done);
                        RebuildStatus s = progress(initial, "RUNNING", done, total, startNanos, targets, null);
                        current.set(s);
                        log.info("Read side rebuild {}: {} of {} events ({}%), {} events/s, {}", s.id(), done, total,
                                total == 0 ? 100 : done * 100 / total, s.eventsPerSecond(),
                                s.secondsLeft() == null ? "starting" : "about " + s.secondsLeft() + " s left");
                    }
                }
                RebuildStatus caughtUp = progress(initial, "RUNNING", done, Math.max(head(), done), startNanos, targets, null);
                current.set(caughtUp);
                if (gate != null) {
                    gate.beforeSwitch(caughtUp);
                }
                // Pause the live processors: nothing writes the old collections while they are swapped. Their
                // tokens stay where they were, so after the restart they redeliver a few events idempotently.
                current.set(progress(initial, "SWITCHING", done, Math.max(head(), done), startNanos, targets, null));
                for (String group : groups.keySet()) {
                    StreamingEventProcessor processor = processing
                            .eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
                    processor.shutDown();
                    paused.add(processor);
                }
                while (stream.hasNextAvailable()) {
                    done = apply(stream.nextAvailable(), targets);
                }
                for (Target target : targets) {
                    collections.addAll(target.collections());
                }
                switchOver(collections);
            }
            RebuildStatus finished = progress(initial, "DONE", done, done, startNanos, targets, null);
            current.set(new RebuildStatus(finished.id(), finished.processingGroups(), "DONE", done, done,
                    finished.eventsPerSecond(), 0L, finished.startedAt(), Instant.now(), List.copyOf(collections), null));
            log.info("Read side rebuild {} done: {} events in {} ms ({} events/s); switched collections {}",
                    initial.id(), done, (System.nanoTime() - startNanos) / 1_000_000, finished.eventsPerSecond(),
                    collections);
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Read side rebuild {} failed; the current view stays as it was", initial.id(), e);
            RebuildStatus failed = progress(initial, "FAILED", done, head(), startNanos, targets, null);
            current.set(new RebuildStatus(failed.id(), failed.processingGroups(), "FAILED", done,
                    failed.eventsTotal(), failed.eventsPerSecond(), null, failed.startedAt(), Instant.now(),
                    List.of(), String.valueOf(e.getMessage())));
            try {
                dropLeftovers();
            } catch (RuntimeException cleanup) {
                log.warn("Could not drop the unfinished rebuild's collections", cleanup);
            }
        } finally {
            paused.forEach(StreamingEventProcessor::start);
        }
    }

    private static long apply(TrackedEventMessage<?> message, List<Target> targets) throws Exception {
        for (Target target : targets) {
            if (target.adapter().canHandle(message)) {
                var result = DefaultUnitOfWork.startAndGet(message)
                        .executeWithResult(() -> target.adapter().handle(message));
                if (result.isExceptional()) {
                    throw new IllegalStateException("Replaying event " + message.getIdentifier() + " failed",
                            result.exceptionResult());
                }
            }
        }
        return message.trackingToken() == null ? 0 : message.trackingToken().position().orElse(0);
    }

    /** Each new collection replaces its live namesake; a live collection the replay never wrote is emptied. */
    private void switchOver(Set<String> collections) {
        Set<String> existing = new LinkedHashSet<>();
        database.listCollectionNames().into(new ArrayList<>()).forEach(existing::add);
        for (String name : collections) {
            if (existing.contains(name + SUFFIX)) {
                database.getCollection(name + SUFFIX).renameCollection(
                        new MongoNamespace(database.getName(), name), new RenameCollectionOptions().dropTarget(true));
            } else if (existing.contains(name)) {
                database.getCollection(name).drop();
            }
        }
    }

    private void dropLeftovers() {
        for (String name : database.listCollectionNames().into(new ArrayList<>())) {
            if (name.endsWith(SUFFIX)) {
                database.getCollection(name).drop();
            }
        }
    }

    private RebuildStatus progress(RebuildStatus initial, String state, long done, long total, long startNanos,
                                   List<Target> targets, String error) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long rate = seconds <= 0 ? 0 : Math.round(done / seconds);
        Long left = rate == 0 ? null : Math.max(0, (total - done) / rate);
        return new RebuildStatus(initial.id(), initial.processingGroups(), state, done, total, rate, left,
                initial.startedAt(), null, List.of(), error);
    }

    private long head() {
        try {
            var token = axon.eventStore().createHeadToken();
            return token == null ? 0 : token.position().orElse(0);
        } catch (RuntimeException e) { // the event store is unreachable: report what we know
            log.debug("Could not read the head of the event store", e);
            return -1;
        }
    }

    private static boolean acts(Class<?> type) {
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            for (Class<?> p : c.getParameterTypes()) {
                if (ACTING.stream().anyMatch(a -> a.isAssignableFrom(p))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A second instance of the bean's class, built like the bean but on the renaming database. */
    private Object instantiate(String beanName, MongoDatabase rebuildDatabase) {
        Class<?> type = AopUtils.getTargetClass(beans.getBean(beanName));
        Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
        Object[] args = new Object[constructor.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            if (MongoDatabase.class.isAssignableFrom(constructor.getParameterTypes()[i])) {
                args[i] = rebuildDatabase;
            } else {
                args[i] = beans.resolveDependency(
                        new DependencyDescriptor(MethodParameter.forExecutable(constructor, i), true), beanName);
            }
        }
        return BeanUtils.instantiateClass(constructor, args);
    }

    private record Target(AnnotationEventHandlerAdapter adapter, Set<String> collections) {
    }

    /** The service's database, but every collection it hands out is the suffixed twin; remembers the names. */
    private final class RecordingDatabase {
        final Set<String> names = new LinkedHashSet<>();

        MongoDatabase proxy() {
            return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                    new Class<?>[]{MongoDatabase.class}, (p, method, args) -> {
                        String m = method.getName();
                        if ((m.equals("getCollection") || m.equals("createCollection")) && args != null
                                && args.length > 0 && args[0] instanceof String name) {
                            names.add(name);
                            args = args.clone();
                            args[0] = name + SUFFIX;
                        }
                        try {
                            return method.invoke(database, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
