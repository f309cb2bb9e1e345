package org.districtops.kit.audit;

import org.districtops.eventchain.EventChainVerifier;
import org.districtops.eventchain.VerificationReport;
import org.districtops.kit.errors.StateConflictException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@link EventChainVerifier} on the service's own event store, one verification at a time: it reads every
 * event, so a second request while one runs is answered 409 rather than doubling the load.
 */
public class EventChainAudit {

    private final DataSource dataSource;
    private final EventChainVerifier verifier;
    private final AtomicBoolean running = new AtomicBoolean();

    public EventChainAudit(DataSource dataSource, EventChainVerifier verifier) {
        this.dataSource = dataSource;
        this.verifier = verifier;
    }

    public VerificationReport verify() {
        if (!running.compareAndSet(false, true)) {
            throw new StateConflictException("A verification of the event chain is already running; try again when it has finished.");
        }
        try (Connection connection = dataSource.getConnection()) {
            return verifier.verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store to verify its chain", e);
        } finally {
            running.set(false);
        }
    }
}
