package org.districtops.kit.errors;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.districtops.kit.web.ProblemDetailsAdviceAccess;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10, dependency outages: a store that cannot be reached is a 503 naming it, anything else stays a 500. */
class StoreOutagesTest {

    @Test
    void givenMongoDbCannotBeSelected_whenAQueryFailsThroughTheQueryGateway_thenTheReadStoreIsUnavailable() {
        Throwable failure = new CompletionException(new MongoTimeoutException("Timed out while waiting for a server"));

        assertThat(StoreOutages.unavailablePart(failure)).hasValue(StoreOutages.Part.READ_STORE);
    }

    @Test
    void givenMongoDbRefusesTheConnection_whenAProjectionReads_thenTheReadStoreIsUnavailable() {
        Throwable failure = new MongoSocketOpenException("Exception opening socket", new ServerAddress(),
                new IOException("Connection refused"));

        assertThat(StoreOutages.unavailablePart(failure)).hasValue(StoreOutages.Part.READ_STORE);
    }

    @Test
    void givenTheConnectionPoolTimesOut_whenACommandStartsItsTransaction_thenTheEventStoreIsUnavailable() {
        Throwable failure = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("events - Connection is not available, request timed out after 2000ms."));

        assertThat(StoreOutages.unavailablePart(failure)).hasValue(StoreOutages.Part.EVENT_STORE);
    }

    @Test
    void givenPostgresTerminatesAPooledConnection_whenTheEngineAppends_thenTheEventStoreIsUnavailable() {
        Throwable failure = new CommandExecutionException("Command failed",
                new EventStoreException("Failed to append", new SQLException(
                        "FATAL: terminating connection due to administrator command", "57P01")));

        assertThat(StoreOutages.unavailablePart(failure)).hasValue(StoreOutages.Part.EVENT_STORE);
    }

    @Test
    void givenPostgresRefusesConnections_whenAReadLoadsEvents_thenTheEventStoreIsUnavailable() {
        Throwable failure = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection to localhost:5432 refused", "08001"));

        assertThat(StoreOutages.unavailablePart(failure)).hasValue(StoreOutages.Part.EVENT_STORE);
    }

    @Test
    void givenABugOrAConstraintViolation_whenClassifying_thenNoOutage() {
        assertThat(StoreOutages.unavailablePart(new IllegalStateException("bug"))).isEmpty();
        assertThat(StoreOutages.unavailablePart(new EventStoreException("dup",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isEmpty();
        assertThat(StoreOutages.unavailablePart(new SQLException("syntax error", "42601"))).isEmpty();
    }

    @Test
    void givenACauseChainWithACycle_whenClassifying_thenItTerminates() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(StoreOutages.unavailablePart(a)).isEmpty();
    }

    @Test
    void givenTheReadStoreIsDown_whenTheAdviceAnswers_then503ProblemNamingItWithRetryAfter() {
        ResponseEntity<Object> response = ProblemDetailsAdviceAccess.answer(
                new CompletionException(new MongoTimeoutException("Timed out after 2000 ms while waiting for a server")));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        ProblemDetail body = (ProblemDetail) response.getBody();
        assertThat(body.getTitle()).isEqualTo("Read store unavailable");
        assertThat(body.getProperties()).containsEntry("unavailable", "read store");
        assertThat(body.getDetail()).doesNotContain("2000 ms");
    }

    @Test
    void givenTheEventStoreIsDown_whenACommandFailsWrapped_then503ProblemNamingTheEventStore() {
        ResponseEntity<Object> response = ProblemDetailsAdviceAccess.answer(new CommandExecutionException("failed",
                new CannotCreateTransactionException("no connection", new SQLTransientConnectionException("timeout"))));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(((ProblemDetail) response.getBody()).getTitle()).isEqualTo("Event store unavailable");
    }

    @Test
    void givenAnUnexpectedError_whenTheAdviceAnswers_thenStill500() {
        ResponseEntity<Object> response = ProblemDetailsAdviceAccess.answer(new IllegalStateException("bug"));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
    }
}
