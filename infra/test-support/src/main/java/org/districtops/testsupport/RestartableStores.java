package org.districtops.testsupport;

import org.districtops.embedded.EmbeddedMongoServer;
import org.districtops.embedded.EmbeddedPostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stores of its own for a dependency-outage test, which stops and restarts them under a running service: a real
 * PostgreSQL keeping its cluster in a folder, and the in-process MongoDB server with its file-backed (H2) store,
 * each restarted on the same port and the same data, as a restarted server would be. Not shared with other tests,
 * whose stores must stay up.
 */
public final class RestartableStores implements AutoCloseable {

    private final Path postgresData;
    private final Path mongoFile;
    private final int postgresPort;
    private final int mongoPort;
    private EmbeddedPostgresServer postgres;
    private EmbeddedMongoServer mongo;

    private RestartableStores(Path folder) throws IOException {
        this.postgresData = folder.resolve("postgres");
        this.mongoFile = folder.resolve("mongo").resolve("read-side.mv");
        this.postgres = EmbeddedPostgresServer.start(postgresData, 0);
        this.postgresPort = postgres.port();
        this.mongo = EmbeddedMongoServer.start(mongoFile, 0);
        this.mongoPort = mongo.port();
    }

    public static RestartableStores start() {
        try {
            RestartableStores stores = new RestartableStores(Files.createTempDirectory("dop-outage-"));
            // after the Spring context (closed by the test's @DirtiesContext) so the service never loses them early
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stores.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
            return stores;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the stores of the outage test", e);
        }
    }

    /** Points a service under test at these stores, with its own database in each. */
    public void register(DynamicPropertyRegistry registry, String database) {
        try {
            postgres.createDatabases(List.of(database));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + postgresPort + "/" + database);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + mongoPort);
        registry.add("dop.read-side.database", () -> database);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwkSetUri);
        registry.add("dop.security.jwt-issuer", () -> TestTokens.ISSUER);
    }

    /** PostgreSQL's fast shutdown: open connections are terminated, new ones refused. */
    public synchronized void stopPostgres() throws IOException {
        postgres.close();
        postgres = null;
    }

    public synchronized void startPostgres() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(postgresData, postgresPort);
        }
    }

    /** Closes the MongoDB server's sockets and its store; the file keeps what was written. */
    public synchronized void stopMongo() {
        mongo.close();
        mongo = null;
    }

    public synchronized void startMongo() throws IOException {
        if (mongo == null) {
            mongo = EmbeddedMongoServer.start(mongoFile, mongoPort);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (mongo != null) {
            stopMongo();
        }
        if (postgres != null) {
            stopPostgres();
        }
    }
}
