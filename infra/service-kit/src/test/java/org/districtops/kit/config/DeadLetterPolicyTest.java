package org.districtops.kit.config;

import com.mongodb.MongoTimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 10: a projection whose read store is down pauses and retries; only a bad event is dead-lettered. */
class DeadLetterPolicyTest {

    private final DeadLetter<EventMessage<?>> letter =
            new GenericDeadLetter<>("plan-1", GenericEventMessage.asEventMessage("event"));

    @Test
    void givenTheReadStoreIsDown_whenAHandlerFails_thenTheFailureIsRethrownSoTheProcessorRetries() {
        MongoTimeoutException outage = new MongoTimeoutException("Timed out while waiting for a server");

        assertThatThrownBy(() -> AxonStoreConfiguration.deadLetterUnlessStoreOutage(letter, outage)).isSameAs(outage);
    }

    @Test
    void givenAHandlerBug_whenItFails_thenTheEventIsDeadLettered() {
        IllegalStateException bug = new IllegalStateException("bug");

        var decision = AxonStoreConfiguration.deadLetterUnlessStoreOutage(letter, bug);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValue(bug);
    }
}
