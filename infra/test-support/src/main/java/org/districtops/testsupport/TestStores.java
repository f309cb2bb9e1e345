package org.districtops.testsupport;

import org.districtops.embedded.EmbeddedMongoServer;
import org.districtops.embedded.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

import java.util.List;

/**
 * The stores integration tests run against, started once per test JVM: PostgreSQL is always real (embedded
 * zonky binaries); MongoDB is a real {@code mongo} container when Docker is available, else the in-process
 * wire server. The same test classes run in both modes and the log says which one was used.
 */
public final class TestStores {

    private static final Logger log = LoggerFactory.getLogger(TestStores.class);
    private static EmbeddedPostgresServer postgres;
    private static String mongoUri;
    private static String mongoMode;

    private TestStores() {
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgresServer.start(null, 0);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    public static synchronized String mongoUri() {
        if (mongoUri == null) {
            if (!"false".equals(System.getenv("DOP_TEST_DOCKER")) && dockerAvailable()) {
                MongoDBContainer container = new MongoDBContainer("mongo:7.0");
                container.start();
                mongoUri = container.getReplicaSetUrl().replaceAll("/test$", "");
                mongoMode = "Testcontainers (mongo:7.0)";
            } else {
                try {
                    EmbeddedMongoServer server = EmbeddedMongoServer.start(null, 0);
                    mongoUri = server.connectionString();
                    mongoMode = "in-process mongo-java-server (no Docker available)";
                } catch (Exception e) {
                    throw new IllegalStateException("Could not start the in-process MongoDB server", e);
                }
            }
            log.info("Integration tests use MongoDB from: {}", mongoMode);
        }
        return mongoUri;
    }

    public static String mongoMode() {
        mongoUri();
        return mongoMode;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /** Points a service under test at fresh stores: its own database in each, named after the service. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        EmbeddedPostgresServer pg = postgres();
        try {
            pg.createDatabases(List.of(database));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        registry.add("spring.datasource.url", () -> pg.jdbcUrl(database));
        registry.add("spring.datasource.username", pg::username);
        registry.add("spring.datasource.password", pg::password);
        registry.add("spring.mongodb.uri", TestStores::mongoUri);
        registry.add("dop.read-side.database", () -> database);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwkSetUri);
        registry.add("dop.security.jwt-issuer", () -> TestTokens.ISSUER);
    }
}
