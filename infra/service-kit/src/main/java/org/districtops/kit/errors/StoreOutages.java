package org.districtops.kit.errors;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a store outage apart from a bug: somewhere in the cause chain the PostgreSQL event store or the MongoDB
 * read store could not be reached. Such a failure is the platform's, temporary, and the request was not applied
 * (a command's events commit in one transaction or not at all), so it is answered 503 with Retry-After, naming the
 * part that is down, instead of 500.
 */
public final class StoreOutages {

    /** The part of the platform that is unavailable, as named in the 503 answer. */
    public enum Part {
        EVENT_STORE("event store"),
        READ_STORE("read store");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private StoreOutages() {
    }

    public static Optional<Part> unavailablePart(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isReadStoreOutage(t)) {
                return Optional.of(Part.READ_STORE);
            }
            if (isEventStoreOutage(t)) {
                return Optional.of(Part.EVENT_STORE);
            }
        }
        return Optional.empty();
    }

    /** No server to select, a socket that failed or timed out, a pool cleared after a failure, a failover. */
    private static boolean isReadStoreOutage(Throwable t) {
        return t instanceof MongoTimeoutException
                || t instanceof MongoSocketException
                || t instanceof MongoConnectionPoolClearedException
                || t instanceof MongoNotPrimaryException
                || t instanceof MongoNodeIsRecoveringException;
    }

    /**
     * No connection from the pool within its timeout, or PostgreSQL refusing or dropping the connection:
     * SQLState class 08 (connection exception), 57P01-57P03 (shutting down, crashed, not yet accepting connections),
     * 53300 (too many connections).
     */
    private static boolean isEventStoreOutage(Throwable t) {
        if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57P") || state.equals("53300");
        }
        return false;
    }
}
