package org.districtops.kit.messaging;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.districtops.kit.web.CorrelationIdFilter;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends a command on behalf of an actor, stamping the metadata every event of the platform carries.
 * Waits for the result, so an acknowledged request means the events are in the event store.
 */
public class CommandSender {

    private final CommandGateway commandGateway;

    public CommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> R send(Object command, Actor actor) {
        return send(command, actor, currentCorrelationId());
    }

    /**
     * Sends independent commands of one request (each for its own aggregate) at most {@code parallelism} at a time,
     * all with the request's correlation id, and waits for all of them. Each command succeeds or fails on its own
     * (a bulk request reports per row): the result holds, in order, null for a success or the command's exception.
     * Unlike one command after another, commits of concurrent commands share the event store's disk flushes.
     */
    public List<RuntimeException> sendEach(List<?> commands, Actor actor, int parallelism) {
        String correlationId = currentCorrelationId();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, commands.size())));
        try {
            List<Future<?>> sent = new ArrayList<>(commands.size());
            for (Object command : commands) {
                sent.add(pool.submit(() -> send(command, actor, correlationId)));
            }
            List<RuntimeException> outcomes = new ArrayList<>(commands.size());
            for (Future<?> future : sent) {
                outcomes.add(outcome(future));
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    private static RuntimeException outcome(Future<?> future) {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                return failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending commands", e);
        }
    }

    private <R> R send(Object command, Actor actor, String correlationId) {
        MetaData metaData = MetaData.from(Map.of(
                MetadataKeys.DISTRICT_ID, actor.districtId(),
                MetadataKeys.ACTOR_ID, actor.id(),
                MetadataKeys.ACTOR_ROLE, actor.role(),
                MetadataKeys.CORRELATION_ID, correlationId));
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private static String currentCorrelationId() {
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        return correlationId != null ? correlationId : UUID.randomUUID().toString();
    }
}
