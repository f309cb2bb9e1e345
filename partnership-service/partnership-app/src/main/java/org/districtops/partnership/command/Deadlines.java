package org.districtops.partnership.command;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.MetaData;
import org.districtops.kit.messaging.MetadataKeys;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Schedules an expiry deadline; the events it causes carry the service as their actor. */
final class Deadlines {

    private Deadlines() {
    }

    static void schedule(DeadlineManager deadlines, String districtId, String item, Instant expiresAt) {
        deadlines.schedule(expiresAt, ExpiryDue.DEADLINE,
                GenericDeadlineMessage.asDeadlineMessage(ExpiryDue.DEADLINE, new ExpiryDue(item, expiresAt), expiresAt)
                        .withMetaData(MetaData.from(Map.of(
                                MetadataKeys.DISTRICT_ID, districtId,
                                MetadataKeys.ACTOR_ID, "partnership-service",
                                MetadataKeys.ACTOR_ROLE, "system",
                                MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString()))));
    }
}
