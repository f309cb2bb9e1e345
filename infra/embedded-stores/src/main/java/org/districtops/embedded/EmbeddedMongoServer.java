package org.districtops.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-process server that speaks the MongoDB wire protocol (mongo-java-server), for the read side of the
 * embedded default. It may lose its last writes on a hard kill, which is why the services treat the read side
 * as disposable and rebuild it from the event store when it is missing or stale.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final MongoBackend backend;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, MongoBackend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.address = address;
    }

    /** Starts on {@code port} (0 picks a free one), storing data in {@code file} (null keeps it in memory). */
    public static EmbeddedMongoServer start(Path file, int port) throws IOException {
        MongoBackend backend;
        if (file == null) {
            backend = new MemoryBackend();
        } else {
            Files.createDirectories(file.toAbsolutePath().getParent());
            backend = openOrReplace(file);
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("MongoDB wire server (mongo-java-server) listening on port {} (data: {})", address.getPort(),
                file == null ? "memory" : file);
        return new EmbeddedMongoServer(server, backend, address);
    }

    /**
     * A hard kill can leave the store unreadable. The read side is derived data, so set the damaged file aside
     * and start empty: the services notice the missing read side and rebuild it from the event store.
     */
    private static MongoBackend openOrReplace(Path file) throws IOException {
        try {
            return new H2Backend(file.toString());
        } catch (RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            Files.move(file, aside);
            log.warn("Read-side store {} could not be opened ({}); moved it to {} and starting empty", file,
                    e.getMessage(), aside);
            return new H2Backend(file.toString());
        }
    }

    public int port() {
        return address.getPort();
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
