package org.districtops.kit.messaging;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

import static org.districtops.kit.messaging.MetadataKeys.*;

/**
 * Carries district, actor and correlation from the message being handled onto every message it causes,
 * and records the handled message as the cause. Replaces Axon's MessageOriginProvider, whose
 * "correlationId" is the parent's id (a causation id by another name).
 */
public class EventMetadataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        copy(message, data, DISTRICT_ID);
        copy(message, data, ACTOR_ID);
        copy(message, data, ACTOR_ROLE);
        data.put(CORRELATION_ID, message.getMetaData().getOrDefault(CORRELATION_ID, message.getIdentifier()));
        data.put(CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static void copy(Message<?> message, Map<String, Object> data, String key) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            data.put(key, value);
        }
    }
}
