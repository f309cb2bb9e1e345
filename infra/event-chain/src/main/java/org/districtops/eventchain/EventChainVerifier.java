package org.districtops.eventchain;

import org.districtops.eventchain.EventChainFormat.EventRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Recomputes the event store's hash chain from the stored events and reports the first place where it does not
 * hold. Plain JDBC, no framework: the services and the stand-alone audit CLI run the same code.
 *
 * <p>Everything is read in one read-only REPEATABLE READ transaction, so the chain, the events, the head and the
 * checkpoints are one consistent snapshot even while events are being appended. Chain rows and events are
 * streamed through a cursor ({@value #FETCH_SIZE} rows per fetch), so memory stays flat however long the chain.
 *
 * <p>Checks, in order: every chain row links to the previous hash (genesis: 32 zero bytes), its event still exists
 * with the same identifier, and the event's bytes give the chained hash; every checkpoint equals the chain at its
 * position; no event is missing from the chain; the head names the last chain row.
 */
public final class EventChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(EventChainVerifier.class);
    public static final int FETCH_SIZE = 1000;

    private static final String WALK = """
            select c.chain_seq, c.global_index, c.event_identifier, c.prev_hash, c.hash,
                   e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                   e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data
            from event_chain c left join domain_event_entry e on e.global_index = c.global_index
            order by c.chain_seq""";
    private static final String FIRST_UNCHAINED = """
            select e.global_index, e.event_identifier from domain_event_entry e
            where not exists (select 1 from event_chain c where c.global_index = e.global_index)
            order by e.global_index limit 1""";

    private final Duration progressInterval;

    public EventChainVerifier() {
        this(Duration.ofSeconds(2));
    }

    /** {@code progressInterval}: how often a long verification logs how far it got. */
    public EventChainVerifier(Duration progressInterval) {
        this.progressInterval = progressInterval;
    }

    /** Verifies against the checkpoints recorded in the store. */
    public VerificationReport verify(Connection connection) throws SQLException {
        return verify(connection, List.of());
    }

    /**
     * Verifies against the checkpoints recorded in the store and {@code externalCheckpoints}: copies kept
     * outside the database (downloaded from {@code /public/audit/checkpoints.csv}), which a rewrite of the
     * store cannot reach. The connection's settings are restored afterwards (it may come from a pool).
     */
    public VerificationReport verify(Connection connection, Collection<Checkpoint> externalCheckpoints)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        if (!autoCommit) {
            connection.rollback(); // start our own snapshot, not one someone else began
        }
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            return run(connection, externalCheckpoints);
        } finally {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private record Expected(Checkpoint checkpoint, String source) {
    }

    private VerificationReport run(Connection c, Collection<Checkpoint> externalCheckpoints) throws SQLException {
        long started = System.nanoTime();
        Run run = new Run(started);
        long headSeq;
        byte[] headHash;
        try (PreparedStatement st = c.prepareStatement("select chain_seq, hash from event_chain_head where id = 1");
             ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                return run.broken(new ChainBreak(null, null, null, BreakReason.HEAD_MISMATCH,
                        "The chain head row is missing"));
            }
            headSeq = rs.getLong(1);
            headHash = rs.getBytes(2);
        }
        long total = count(c, "select count(*) from event_chain");
        List<Expected> checkpoints = checkpoints(c, externalCheckpoints);
        int nextCheckpoint = 0;
        log.info("Verifying the event chain: {} chained events, {} checkpoints", total, checkpoints.size());

        byte[] running = EventChainFormat.genesis();
        long lastSeq = 0;
        MessageDigest sha256 = EventChainFormat.sha256();
        long nextReport = started + progressInterval.toNanos();
        try (PreparedStatement st = c.prepareStatement(WALK, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(FETCH_SIZE); // a server-side cursor: needs autocommit off, which verify() ensures
            try (ResultSet rs = st.executeQuery()) {
                while (true) {
                    // checkpoints at or before the last verified position (chain_seq 0 is the genesis hash)
                    while (nextCheckpoint < checkpoints.size()
                            && checkpoints.get(nextCheckpoint).checkpoint().chainSeq() <= lastSeq) {
                        Expected expected = checkpoints.get(nextCheckpoint++);
                        if (!Arrays.equals(expected.checkpoint().hash(), running)) {
                            return run.broken(new ChainBreak(expected.checkpoint().chainSeq(), null, null,
                                    BreakReason.CHECKPOINT_MISMATCH, "The " + expected.source() + " checkpoint "
                                    + describe(expected.checkpoint()) + " does not match the chain's hash "
                                    + EventChainFormat.hex(running) + " at that position: the chain was rewritten"));
                        }
                        run.checkpoints++;
                    }
                    if (!rs.next()) {
                        break;
                    }
                    long seq = rs.getLong(1);
                    long globalIndex = rs.getLong(2);
                    String chainedId = rs.getString(3);
                    if (seq != lastSeq + 1) {
                        return run.broken(new ChainBreak(lastSeq + 1, null, null, BreakReason.BROKEN_LINK,
                                "Chain row " + (lastSeq + 1) + " is missing; the next row is " + seq));
                    }
                    if (!Arrays.equals(rs.getBytes(4), running)) {
                        return run.broken(new ChainBreak(seq, globalIndex, chainedId, BreakReason.BROKEN_LINK,
                                "Its previous hash is not the hash of chain row " + lastSeq));
                    }
                    rs.getLong(6);
                    if (rs.wasNull()) {
                        return run.broken(new ChainBreak(seq, globalIndex, chainedId, BreakReason.MISSING_EVENT,
                                "No event at global_index " + globalIndex + " any more: it was deleted"));
                    }
                    String eventId = rs.getString(7);
                    if (!eventId.equals(chainedId)) {
                        return run.broken(new ChainBreak(seq, globalIndex, chainedId, BreakReason.MISSING_EVENT,
                                "global_index " + globalIndex + " now holds event " + eventId + ", not the chained event"));
                    }
                    EventRow row = new EventRow(eventId, rs.getString(8), rs.getLong(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getString(13), rs.getBytes(14), rs.getBytes(15));
                    byte[] recomputed = EventChainFormat.hash(sha256, running, row);
                    if (!Arrays.equals(recomputed, rs.getBytes(5))) {
                        return run.broken(new ChainBreak(seq, globalIndex, chainedId, BreakReason.HASH_MISMATCH,
                                "The stored event no longer gives the hash chained for it: it was changed"));
                    }
                    running = recomputed;
                    lastSeq = seq;
                    run.events++;
                    if ((run.events & 255) == 0 && System.nanoTime() >= nextReport) {
                        run.progress(total);
                        nextReport = System.nanoTime() + progressInterval.toNanos();
                    }
                }
            }
        }

        try (PreparedStatement st = c.prepareStatement(FIRST_UNCHAINED); ResultSet rs = st.executeQuery()) {
            if (rs.next()) {
                return run.broken(new ChainBreak(null, rs.getLong(1), rs.getString(2), BreakReason.UNCHAINED_EVENT,
                        "The event at global_index " + rs.getLong(1) + " is not in the chain: it was written "
                                + "past the chain trigger"));
            }
        }
        if (headSeq != lastSeq || !Arrays.equals(headHash, running)) {
            return run.broken(new ChainBreak(headSeq, null, null, BreakReason.HEAD_MISMATCH,
                    "The head names chain row " + headSeq + " with hash " + EventChainFormat.hex(headHash)
                            + ", but the chain ends at row " + lastSeq + " with hash " + EventChainFormat.hex(running)));
        }
        if (nextCheckpoint < checkpoints.size()) {
            Expected beyond = checkpoints.get(nextCheckpoint);
            return run.broken(new ChainBreak(beyond.checkpoint().chainSeq(), null, null,
                    BreakReason.CHECKPOINT_MISMATCH, "The " + beyond.source() + " checkpoint "
                    + describe(beyond.checkpoint()) + " is beyond the end of the chain (row " + lastSeq
                    + "): the chain was cut"));
        }
        VerificationReport report = run.report(null);
        log.info("Event chain verified clean: {} events, {} checkpoints, in {} ms ({} events/s)",
                report.eventsChecked(), report.checkpointsChecked(), report.elapsedMillis(), report.eventsPerSecond());
        return report;
    }

    private static String describe(Checkpoint checkpoint) {
        return "at chain row " + checkpoint.chainSeq()
                + (checkpoint.takenAt() == null ? "" : " taken at " + checkpoint.takenAt())
                + " (" + checkpoint.hashHex() + ")";
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Expected> checkpoints(Connection c, Collection<Checkpoint> external) throws SQLException {
        List<Expected> all = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "select chain_seq, hash, taken_at from event_chain_checkpoint order by chain_seq");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime takenAt = rs.getObject(3, OffsetDateTime.class);
                all.add(new Expected(new Checkpoint(rs.getLong(1), rs.getBytes(2),
                        takenAt == null ? null : takenAt.toInstant()), "recorded"));
            }
        }
        external.forEach(cp -> all.add(new Expected(cp, "supplied")));
        all.sort(Comparator.comparingLong(e -> e.checkpoint().chainSeq()));
        return all;
    }

    /** Counters of one verification. */
    private static final class Run {
        private final long started;
        private long events;
        private int checkpoints;
        private long lastEvents;
        private long lastNanos;

        Run(long started) {
            this.started = started;
            this.lastNanos = started;
        }

        void progress(long total) {
            long now = System.nanoTime();
            double rate = (events - lastEvents) / ((now - lastNanos) / 1e9);
            log.info("Verifying the event chain: {} of {} events ({}%), {} events/s, about {} s left", events, total,
                    total == 0 ? 100 : events * 100 / total, Math.round(rate),
                    rate > 0 ? Math.max(1, Math.round((total - events) / rate)) : "?");
            lastEvents = events;
            lastNanos = now;
        }

        VerificationReport broken(ChainBreak chainBreak) {
            VerificationReport report = report(chainBreak);
            log.warn("Event chain BROKEN after {} verified events: {} at chain row {} (global_index {}, event {}): {}",
                    events, chainBreak.reason(), chainBreak.chainSeq(), chainBreak.globalIndex(),
                    chainBreak.eventIdentifier(), chainBreak.detail());
            return report;
        }

        VerificationReport report(ChainBreak chainBreak) {
            long elapsedNanos = System.nanoTime() - started;
            long perSecond = elapsedNanos == 0 ? 0 : Math.round(events / (elapsedNanos / 1e9));
            return new VerificationReport(chainBreak == null, events, chainBreak, elapsedNanos / 1_000_000,
                    perSecond, checkpoints);
        }
    }
}
