package org.districtops.testsupport;

import org.districtops.embedded.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare event store for tests below the service level: a fresh database on the embedded PostgreSQL with the
 * service kit's migrations ({@code classpath:db/kit}, so the kit must be on the test's classpath), and plain JDBC
 * appends of events shaped like Axon's.
 */
public final class TestEventStore {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String INSERT = """
            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                payload_type, payload_revision, time_stamp, payload, meta_data)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final EmbeddedPostgresServer postgres;
    private final String database;

    private TestEventStore(EmbeddedPostgresServer postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /** A new database with every kit migration applied. */
    public static TestEventStore fresh() {
        return fresh(null);
    }

    /** A new database migrated up to {@code flywayTarget} (e.g. "1"), or to the latest when null. */
    public static TestEventStore fresh(String flywayTarget) {
        EmbeddedPostgresServer pg = TestStores.postgres();
        String database = "events_" + DATABASES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            pg.createDatabases(List.of(database));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        TestEventStore store = new TestEventStore(pg, database);
        store.migrate(flywayTarget);
        return store;
    }

    /** Applies the kit's migrations up to {@code target} (null: all). */
    public void migrate(String target) {
        var config = Flyway.configure().dataSource(dataSource()).locations("classpath:db/kit");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(database);
    }

    public String username() {
        return postgres.username();
    }

    public String password() {
        return postgres.password();
    }

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        ds.setUser(username());
        ds.setPassword(password());
        return ds;
    }

    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** Runs one statement in its own connection (autocommit). */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Appends one event in its own transaction and returns its event identifier. */
    public String append(String aggregate, long sequence, String payloadJson) throws SQLException {
        try (Connection c = connect()) {
            return append(c, aggregate, sequence, payloadJson);
        }
    }

    /** Appends one event on {@code connection}, in whatever transaction it is in. */
    public static String append(Connection connection, String aggregate, long sequence, String payloadJson)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement st = connection.prepareStatement(INSERT)) {
            bind(st, id, aggregate, sequence, payloadJson);
            st.executeUpdate();
        }
        return id;
    }

    /**
     * Appends {@code count} events as aggregates of {@code perAggregate} events each, in transactions of
     * {@code perTransaction} events sent as one JDBC batch (like one Axon command's events).
     */
    public static void appendMany(Connection connection, String aggregatePrefix, int count, int perAggregate,
                                  int perTransaction) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement st = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < count; i++) {
                bind(st, UUID.randomUUID().toString(), aggregatePrefix + "/" + (i / perAggregate), i % perAggregate,
                        "{\"n\":" + i + ",\"title\":\"Event " + i + " of a load run\",\"conditions\":[\"CURRICULUM\"]}");
                st.addBatch();
                if ((i + 1) % perTransaction == 0 || i == count - 1) {
                    st.executeBatch();
                    connection.commit();
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void bind(PreparedStatement st, String id, String aggregate, long sequence, String payloadJson)
            throws SQLException {
        st.setString(1, id);
        st.setString(2, aggregate);
        st.setLong(3, sequence);
        st.setString(4, "TestAggregate");
        st.setString(5, "org.districtops.test.SomethingHappened");
        st.setString(6, sequence % 3 == 0 ? null : "1"); // nullable columns both ways
        st.setString(7, "2026-01-05T10:15:30." + String.format("%03d", sequence % 1000) + "Z");
        st.setBytes(8, payloadJson.getBytes(StandardCharsets.UTF_8));
        st.setBytes(9, sequence % 2 == 0 ? null
                : ("{\"districtId\":\"d-1\",\"actorId\":\"sup-1\",\"correlationId\":\"" + id + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
