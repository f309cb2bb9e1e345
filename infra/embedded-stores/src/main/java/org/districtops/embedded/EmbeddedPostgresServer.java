package org.districtops.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the zonky binaries, keeping its data in a folder so that it survives restarts.
 * This is the event store of the embedded default: the only place that must never lose a write.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 picks a free one) with its cluster in {@code dataDirectory}
     * (null: a throw-away folder, for tests).
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // Acknowledged writes must survive a hard kill of the machine's processes: fsync stays on, and a
                // commit waits for its WAL flush. zonky's builder turns synchronous_commit OFF by default (a test
                // database's trade-off); then a commit is answered while its WAL is still in shared memory, and
                // kill -9 of PostgreSQL lost acknowledged events (CrashRoundsIT, docs/reliability.md).
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("PostgreSQL {} listening on port {} (data: {})", "17", postgres.getPort(),
                dataDirectory == null ? "temporary" : dataDirectory);
        return new EmbeddedPostgresServer(postgres);
    }

    /**
     * After a hard kill of the JVM that started it, the postmaster keeps running and holds the data folder.
     * Stop it by the process id it wrote in postmaster.pid, so the new start can take over cleanly.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("Stopping PostgreSQL left running by an earlier start (pid {})", pid);
        ProcessHandle process = orphan.get();
        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown
        try {
            process.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /** A server setting as PostgreSQL reports it ({@code SHOW name}). */
    public String setting(String name) throws SQLException {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a setting name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             var st = c.createStatement(); var rs = st.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Creates each database that does not exist yet: one per service, so each service owns its data. */
    public void createDatabases(Collection<String> names) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), username(), password())) {
            for (String name : names) {
                if (!DATABASE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("Not a valid database name: " + name);
                }
                boolean exists;
                try (var st = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    st.setString(1, name);
                    exists = st.executeQuery().next();
                }
                if (!exists) {
                    try (var st = c.createStatement()) {
                        st.execute("create database " + name);
                    }
                    log.info("Created database {}", name);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
