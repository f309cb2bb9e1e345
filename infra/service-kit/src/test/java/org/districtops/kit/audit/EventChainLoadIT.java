package org.districtops.kit.audit;

import org.districtops.eventchain.EventChainVerifier;
import org.districtops.eventchain.VerificationReport;
import org.districtops.testsupport.TestEventStore;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measured run behind docs/audit.md: what the chain trigger costs an append, and how fast 100,000 chained
 * events verify. Appends go to two stores in the same PostgreSQL, one with the chain triggers and one without,
 * alternating in rounds so both see the same machine state; then the chained store is verified.
 */
class EventChainLoadIT {

    private static final Logger log = LoggerFactory.getLogger(EventChainLoadIT.class);
    static final int EVENTS = 100_000;
    static final int ROUNDS = 10;
    static final int SINGLE_EVENT_TRANSACTIONS = 2_000;

    @Test
    void hundredThousandChainedEventsVerifyClean() throws Exception {
        TestEventStore chained = TestEventStore.fresh();
        TestEventStore plain = TestEventStore.fresh();
        plain.execute("alter table domain_event_entry disable trigger user");

        try (Connection withChain = chained.connect(); Connection without = plain.connect()) {
            // warm-up: JIT, plan caches, first pages
            TestEventStore.appendMany(withChain, "warm", 2_000, 10, 100);
            TestEventStore.appendMany(without, "warm", 2_000, 10, 100);

            long chainedNanos = 0;
            long plainNanos = 0;
            int perRound = EVENTS / ROUNDS;
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = System.nanoTime();
                TestEventStore.appendMany(without, "load-" + round, perRound, 10, 100);
                long t1 = System.nanoTime();
                TestEventStore.appendMany(withChain, "load-" + round, perRound, 10, 100);
                long t2 = System.nanoTime();
                plainNanos += t1 - t0;
                chainedNanos += t2 - t1;
            }
            log.info("Batched appends (transactions of 100 events, {} events each): without the chain {} events/s, "
                            + "with the chain {} events/s ({} µs more per event)", EVENTS,
                    rate(EVENTS, plainNanos), rate(EVENTS, chainedNanos),
                    String.format(Locale.ROOT, "%.1f", (chainedNanos - plainNanos) / 1000.0 / EVENTS));

            long singlePlain = 0;
            long singleChained = 0;
            int perSingleRound = SINGLE_EVENT_TRANSACTIONS / 4;
            for (int round = 0; round < 4; round++) {
                long t0 = System.nanoTime();
                TestEventStore.appendMany(without, "single-" + round, perSingleRound, 10, 1);
                long t1 = System.nanoTime();
                TestEventStore.appendMany(withChain, "single-" + round, perSingleRound, 10, 1);
                long t2 = System.nanoTime();
                singlePlain += t1 - t0;
                singleChained += t2 - t1;
            }
            log.info("One event per transaction (like one command, each its own commit; {} transactions): without "
                            + "the chain {} appends/s, with the chain {} appends/s", SINGLE_EVENT_TRANSACTIONS,
                    rate(SINGLE_EVENT_TRANSACTIONS, singlePlain), rate(SINGLE_EVENT_TRANSACTIONS, singleChained));
        }

        long total = EVENTS + 2_000 + SINGLE_EVENT_TRANSACTIONS;
        try (Connection c = chained.connect()) {
            VerificationReport report = new EventChainVerifier(Duration.ofMillis(250)).verify(c);
            log.info("Verified {} chained events in {} ms: {} events/s", report.eventsChecked(), report.elapsedMillis(),
                    report.eventsPerSecond());
            assertThat(report.clean()).as("%s", report).isTrue();
            assertThat(report.eventsChecked()).isEqualTo(total);
        }
    }

    private static long rate(long events, long nanos) {
        return Math.round(events / (nanos / 1e9));
    }
}
