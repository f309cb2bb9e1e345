package org.districtops.kit.messaging;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.districtops.kit.web.CorrelationIdFilter;
import org.slf4j.MDC;

import java.util.Map;
import java.util.UUID;

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
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        MetaData metaData = MetaData.from(Map.of(
                MetadataKeys.DISTRICT_ID, actor.districtId(),
                MetadataKeys.ACTOR_ID, actor.id(),
                MetadataKeys.ACTOR_ROLE, actor.role(),
                MetadataKeys.CORRELATION_ID, correlationId != null ? correlationId : UUID.randomUUID().toString()));
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
