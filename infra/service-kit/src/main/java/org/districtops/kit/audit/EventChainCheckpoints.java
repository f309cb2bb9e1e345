package org.districtops.kit.audit;

import org.districtops.eventchain.EventChainFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Records the chain head as a checkpoint at start and then every {@code dop.audit.checkpoint-interval}, in
 * {@code event_chain_checkpoint}. Checkpoints are published; once copied elsewhere they pin the chain, so a
 * rewrite of the whole chain after them no longer verifies. A head already recorded (nothing appended since) and
 * the empty chain are not recorded again; several instances of a service may record the same head safely.
 */
public class EventChainCheckpoints implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventChainCheckpoints.class);

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public EventChainCheckpoints(JdbcTemplate jdbc, Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
    }

    /** Records the current head unless it is already recorded; returns the checkpoint recorded now, if any. */
    public Optional<PublishedCheckpoint> take() {
        List<PublishedCheckpoint> taken = jdbc.query("""
                insert into event_chain_checkpoint (chain_seq, hash)
                select chain_seq, hash from event_chain_head where id = 1 and chain_seq > 0
                on conflict (chain_seq) do nothing
                returning chain_seq, hash, taken_at""", EventChainCheckpoints::map);
        taken.forEach(c -> log.info("Event chain checkpoint at row {}: {}", c.chainSeq(), c.hash()));
        return taken.stream().findFirst();
    }

    /** Every recorded checkpoint, newest first. */
    public List<PublishedCheckpoint> list() {
        return jdbc.query("select chain_seq, hash, taken_at from event_chain_checkpoint order by chain_seq desc",
                EventChainCheckpoints::map);
    }

    private static PublishedCheckpoint map(ResultSet rs, int row) throws SQLException {
        return new PublishedCheckpoint(rs.getLong(1), EventChainFormat.hex(rs.getBytes(2)),
                rs.getObject(3, OffsetDateTime.class).toInstant());
    }

    private void takeQuietly() {
        try {
            take();
        } catch (RuntimeException e) {
            log.warn("Could not record an event chain checkpoint; will try again in {}", interval, e);
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-chain-checkpoints");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::takeQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
