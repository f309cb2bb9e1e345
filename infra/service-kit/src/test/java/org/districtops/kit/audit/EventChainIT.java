package org.districtops.kit.audit;

import org.districtops.eventchain.BreakReason;
import org.districtops.eventchain.Checkpoint;
import org.districtops.eventchain.EventChainFormat;
import org.districtops.eventchain.EventChainFormat.EventRow;
import org.districtops.eventchain.EventChainVerifier;
import org.districtops.eventchain.VerificationReport;
import org.districtops.testsupport.TestEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hash chain on a real PostgreSQL: built by the trigger of V2__event_hash_chain.sql as events are appended,
 * recomputed by {@link EventChainVerifier}, and every kind of tampering is reported at the right place.
 */
class EventChainIT {

    private TestEventStore store;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void freshStore() {
        store = TestEventStore.fresh();
    }

    private void append(int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            ids.add(store.append("d-1/plan/p" + (ids.size() / 4), ids.size() % 4,
                    "{\"n\":" + ids.size() + ",\"title\":\"Écoles " + ids.size() + "\"}"));
        }
    }

    private VerificationReport verify() throws SQLException {
        return verify(List.of());
    }

    private VerificationReport verify(List<Checkpoint> external) throws SQLException {
        try (Connection c = store.connect()) {
            return new EventChainVerifier().verify(c, external);
        }
    }

    private long globalIndex(String eventId) throws SQLException {
        return single("select global_index from domain_event_entry where event_identifier = '" + eventId + "'");
    }

    private long single(String sql) throws SQLException {
        try (Connection c = store.connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private EventChainCheckpoints checkpoints() {
        return new EventChainCheckpoints(new JdbcTemplate(store.dataSource()), Duration.ofHours(1));
    }

    @Test
    void anUntouchedStoreVerifiesClean() throws Exception {
        assertThat(verify().clean()).isTrue();
        append(40);
        VerificationReport report = verify();
        assertThat(report.clean()).as("%s", report).isTrue();
        assertThat(report.firstBreak()).isNull();
        assertThat(report.eventsChecked()).isEqualTo(40);
        assertThat(single("select chain_seq from event_chain_head")).isEqualTo(40);
    }

    @Test
    void postgresHashesTheSameBytesAsTheJavaVerifierAndTheKnownAnswers() throws Exception {
        try (Connection c = store.connect(); PreparedStatement st = c.prepareStatement("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    payload_type, payload_revision, time_stamp, payload, meta_data) values (?,?,?,?,?,?,?,?,?)""")) {
            for (EventRow row : List.of(KnownAnswers.FIRST, KnownAnswers.SECOND)) {
                st.setString(1, row.eventIdentifier());
                st.setString(2, row.aggregateIdentifier());
                st.setLong(3, row.sequenceNumber());
                st.setString(4, row.type());
                st.setString(5, row.payloadType());
                st.setString(6, row.payloadRevision());
                st.setString(7, row.timeStamp());
                st.setBytes(8, row.payload());
                st.setBytes(9, row.metaData());
                st.executeUpdate();
            }
        }
        try (Connection c = store.connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select encode(event_chain_canonical(e), 'hex'), encode(c.hash, 'hex') from event_chain c
                join domain_event_entry e on e.global_index = c.global_index order by c.chain_seq""")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(EventChainFormat.hex(EventChainFormat.canonical(KnownAnswers.FIRST)));
            assertThat(rs.getString(2)).isEqualTo(KnownAnswers.FIRST_HASH);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(EventChainFormat.hex(EventChainFormat.canonical(KnownAnswers.SECOND)));
            assertThat(rs.getString(2)).isEqualTo(KnownAnswers.SECOND_HASH);
        }
        assertThat(verify().clean()).isTrue();
    }

    @Test
    void oneChangedPayloadByteIsAHashMismatchAtThatEvent() throws Exception {
        append(20);
        String target = ids.get(6);
        store.execute("update domain_event_entry set payload = set_byte(payload, 3, get_byte(payload, 3) # 1) "
                + "where event_identifier = '" + target + "'");
        VerificationReport report = verify();
        assertThat(report.clean()).isFalse();
        assertThat(report.firstBreak().reason()).isEqualTo(BreakReason.HASH_MISMATCH);
        assertThat(report.firstBreak().chainSeq()).isEqualTo(7);
        assertThat(report.firstBreak().globalIndex()).isEqualTo(globalIndex(target));
        assertThat(report.firstBreak().eventIdentifier()).isEqualTo(target);
        assertThat(report.eventsChecked()).isEqualTo(6);
    }

    @Test
    void aChangedMetadataOrTimestampIsAHashMismatchToo() throws Exception {
        append(6);
        store.execute("update domain_event_entry set time_stamp = '2020-01-01T00:00:00Z' where event_identifier = '"
                + ids.get(4) + "'");
        assertThat(verify().firstBreak().chainSeq()).isEqualTo(5);
        store.execute("update domain_event_entry set meta_data = convert_to('{\"actorId\":\"someone-else\"}', 'UTF8') "
                + "where event_identifier = '" + ids.get(1) + "'");
        assertThat(verify().firstBreak()).satisfies(b -> {
            assertThat(b.reason()).isEqualTo(BreakReason.HASH_MISMATCH);
            assertThat(b.chainSeq()).isEqualTo(2);
        });
    }

    @Test
    void aDeletedEventIsMissing() throws Exception {
        append(12);
        String target = ids.get(9);
        long globalIndex = globalIndex(target);
        store.execute("delete from domain_event_entry where event_identifier = '" + target + "'");
        VerificationReport report = verify();
        assertThat(report.firstBreak().reason()).isEqualTo(BreakReason.MISSING_EVENT);
        assertThat(report.firstBreak().chainSeq()).isEqualTo(10);
        assertThat(report.firstBreak().globalIndex()).isEqualTo(globalIndex);
        assertThat(report.firstBreak().eventIdentifier()).isEqualTo(target);
    }

    @Test
    void anEventInsertedWithTheTriggerDisabledIsUnchained() throws Exception {
        append(5);
        store.execute("alter table domain_event_entry disable trigger event_chain_append");
        String sneaked = store.append("d-1/plan/sneaked", 0, "{\"title\":\"never happened\"}");
        store.execute("alter table domain_event_entry enable trigger event_chain_append");
        append(3);
        VerificationReport report = verify();
        assertThat(report.firstBreak().reason()).isEqualTo(BreakReason.UNCHAINED_EVENT);
        assertThat(report.firstBreak().chainSeq()).isNull();
        assertThat(report.firstBreak().eventIdentifier()).isEqualTo(sneaked);
        assertThat(report.firstBreak().globalIndex()).isEqualTo(globalIndex(sneaked));
        assertThat(report.eventsChecked()).isEqualTo(8);
    }

    @Test
    void anAlteredLinkOrHeadIsReported() throws Exception {
        append(8);
        store.execute("update event_chain_head set chain_seq = 7");
        assertThat(verify().firstBreak().reason()).isEqualTo(BreakReason.HEAD_MISMATCH);
        store.execute("update event_chain_head set chain_seq = 8");
        assertThat(verify().clean()).isTrue();

        store.execute("update event_chain set prev_hash = sha256('x'::bytea) where chain_seq = 4");
        assertThat(verify().firstBreak()).satisfies(b -> {
            assertThat(b.reason()).isEqualTo(BreakReason.BROKEN_LINK);
            assertThat(b.chainSeq()).isEqualTo(4);
        });
        store.execute("delete from event_chain where chain_seq = 4");
        assertThat(verify().firstBreak()).satisfies(b -> {
            assertThat(b.reason()).isEqualTo(BreakReason.BROKEN_LINK);
            assertThat(b.chainSeq()).isEqualTo(4);
        });
    }

    @Test
    void aRewrittenChainIsCaughtByAnEarlierCheckpoint() throws Exception {
        append(10);
        assertThat(checkpoints().take()).hasValueSatisfying(c -> assertThat(c.chainSeq()).isEqualTo(10));
        List<Checkpoint> copiedElsewhere = checkpoints().list().stream().map(c -> new Checkpoint(c.chainSeq(),
                EventChainFormat.fromHex(c.hash()), c.takenAt())).toList();
        append(5);

        // change event 3, then recompute every hash after it and the head, as someone with write access could
        store.execute("update domain_event_entry set payload = convert_to('{\"title\":\"rewritten\"}', 'UTF8') "
                + "where event_identifier = '" + ids.get(2) + "'");
        store.execute("""
                do $$
                declare
                    r    record;
                    prev bytea;
                begin
                    select hash into prev from event_chain where chain_seq = 2;
                    for r in select c.chain_seq, e from event_chain c
                             join domain_event_entry e on e.global_index = c.global_index
                             where c.chain_seq >= 3 order by c.chain_seq
                        loop
                            update event_chain set prev_hash = prev, hash = sha256(prev || event_chain_canonical(r.e))
                            where chain_seq = r.chain_seq returning hash into prev;
                        end loop;
                    update event_chain_head set hash = prev where id = 1;
                end
                $$""");

        VerificationReport report = verify();
        assertThat(report.firstBreak().reason()).isEqualTo(BreakReason.CHECKPOINT_MISMATCH);
        assertThat(report.firstBreak().chainSeq()).isEqualTo(10);

        // the recorded checkpoints are in the same database: rewritten too, only a copy kept elsewhere catches it
        store.execute("delete from event_chain_checkpoint");
        assertThat(verify().clean()).isTrue();
        VerificationReport withCopy = verify(copiedElsewhere);
        assertThat(withCopy.firstBreak().reason()).isEqualTo(BreakReason.CHECKPOINT_MISMATCH);
        assertThat(withCopy.firstBreak().detail()).contains("supplied");
    }

    @Test
    void aChainCutBelowACheckpointIsReported() throws Exception {
        append(6);
        checkpoints().take();
        store.execute("delete from domain_event_entry where global_index in "
                + "(select global_index from event_chain where chain_seq > 4)");
        store.execute("delete from event_chain where chain_seq > 4");
        store.execute("update event_chain_head set chain_seq = 4, hash = (select hash from event_chain where chain_seq = 4)");
        VerificationReport report = verify();
        assertThat(report.firstBreak().reason()).isEqualTo(BreakReason.CHECKPOINT_MISMATCH);
        assertThat(report.firstBreak().chainSeq()).isEqualTo(6);
    }

    @Test
    void checkpointsRecordTheHeadOnceAndVerifyClean() throws Exception {
        assertThat(checkpoints().take()).as("an empty chain has nothing to pin").isEmpty();
        append(3);
        assertThat(checkpoints().take()).isPresent();
        assertThat(checkpoints().take()).as("nothing appended since").isEmpty();
        append(2);
        assertThat(checkpoints().take()).hasValueSatisfying(c -> {
            assertThat(c.chainSeq()).isEqualTo(5);
            assertThat(c.hash()).hasSize(64);
        });
        assertThat(checkpoints().list()).extracting(PublishedCheckpoint::chainSeq).containsExactly(5L, 3L);
        VerificationReport report = verify();
        assertThat(report.clean()).isTrue();
        assertThat(report.checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void aRolledBackAppendLeavesNoChainRow() throws Exception {
        append(2);
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            TestEventStore.append(c, "d-1/plan/rolled-back", 0, "{}");
            c.rollback();
        }
        append(1);
        assertThat(single("select count(*) from event_chain")).isEqualTo(3);
        assertThat(verify().clean()).isTrue();
    }

    @Test
    void concurrentAppendsFromSeveralThreadsFormOneValidChain() throws Exception {
        int threads = 8;
        int transactionsPerThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                int appended = 0;
                try (Connection c = store.connect()) {
                    c.setAutoCommit(false);
                    for (int tx = 0; tx < transactionsPerThread; tx++) {
                        int events = 1 + tx % 3; // like commands that apply one to three events
                        for (int e = 0; e < events; e++) {
                            TestEventStore.append(c, "d-1/thread-" + thread + "/agg-" + tx, e, "{\"tx\":" + tx + "}");
                        }
                        c.commit();
                        appended += events;
                    }
                }
                return appended;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> result : results) {
            total += result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        VerificationReport report = verify();
        assertThat(report.clean()).as("%s", report).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(total);
        assertThat(single("select max(chain_seq) - min(chain_seq) + 1 - count(*) from event_chain")).isZero();
        assertThat(single("select count(*) from event_chain a join event_chain b on b.chain_seq = a.chain_seq + 1 "
                + "where b.global_index < a.global_index"))
                .as("the head is locked before the row is inserted, so chain order follows global_index").isZero();
    }

    /**
     * Two transactions appending the same aggregate sequence number: the loser gets the duplicate-key error
     * (which Axon turns into a ConcurrencyException, 409), not a deadlock between the unique index and the head.
     */
    @Test
    void aConcurrentDuplicateAppendIsAUniqueViolationNotADeadlock() throws Exception {
        try (Connection first = store.connect(); Connection second = store.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            TestEventStore.append(first, "d-1/plan/other", 0, "{}"); // first now holds the head
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> secondAppend = pool.submit(() -> {
                TestEventStore.append(second, "d-1/plan/contested", 0, "{}"); // waits for the head
                second.commit();
                return null;
            });
            Thread.sleep(300);
            TestEventStore.append(first, "d-1/plan/contested", 0, "{}");
            first.commit();
            assertThatThrownBy(() -> secondAppend.get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("23505"));
            second.rollback();
            pool.shutdown();
        }
        assertThat(verify().clean()).isTrue();
    }

    @Test
    void eventsWrittenBeforeTheChainExistedAreChainedByTheMigration() throws Exception {
        TestEventStore old = TestEventStore.fresh("1");
        for (int i = 0; i < 7; i++) {
            old.append("d-1/plan/old", i, "{\"n\":" + i + "}");
        }
        old.migrate(null);
        old.append("d-1/plan/old", 7, "{\"n\":7}");
        try (Connection c = old.connect()) {
            VerificationReport report = new EventChainVerifier().verify(c);
            assertThat(report.clean()).as("%s", report).isTrue();
            assertThat(report.eventsChecked()).isEqualTo(8);
        }
    }

    @Test
    void thePooledConnectionIsHandedBackAsItWas() throws Exception {
        append(1);
        try (Connection c = store.connect()) {
            new EventChainVerifier().verify(c);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    /** The independently computed known answers of EventChainFormatTest (event-chain module). */
    static final class KnownAnswers {
        static final EventRow FIRST = new EventRow("3f2c0b9e-0000-4000-8000-000000000001", "demo-district/plan/p1",
                0, "StrategicPlan", "org.districtops.vision.api.StrategicPlanCreated", null, "2026-01-05T10:15:30.123Z",
                "{\"title\":\"Écoles 2030\"}".getBytes(StandardCharsets.UTF_8), null);
        static final EventRow SECOND = new EventRow("3f2c0b9e-0000-4000-8000-000000000002", "demo-district/plan/p1",
                1, "StrategicPlan", "org.districtops.vision.api.PlanGoalAdded", "2", "2026-01-05T10:16:00Z",
                "{\"goalId\":\"g1\"}".getBytes(StandardCharsets.UTF_8),
                "{\"actorId\":\"sup-1\"}".getBytes(StandardCharsets.UTF_8));
        static final String FIRST_HASH = "90be1486c8e776bfa6f3e8bb24cf0a1ba02db7b1b58d7d3e134cf0fd536ff9d4";
        static final String SECOND_HASH = "4d6669dcd2609d49441efe7ffe6adaf77f71a5ca42dc841e88cf9dfc56402706";
    }
}
