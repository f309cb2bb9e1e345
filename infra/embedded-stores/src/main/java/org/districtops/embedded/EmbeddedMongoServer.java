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
 * as disposable and rebuild it from the event store when it is missing or stale; after a hard kill (a
 * {@code .open} marker left behind) the store file is set aside and the server starts empty.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final MongoBackend backend;
    private final InetSocketAddress address;
    private final Path openMarker;

    private EmbeddedMongoServer(MongoServer server, MongoBackend backend, InetSocketAddress address, Path openMarker) {
        this.server = server;
        this.backend = backend;
        this.address = address;
        this.openMarker = openMarker;
    }

    /** Starts on {@code port} (0 picks a free one), storing data in {@code file} (null keeps it in memory). */
    public static EmbeddedMongoServer start(Path file, int port) throws IOException {
        MongoBackend backend;
        Path marker = null;
        if (file == null) {
            backend = new MemoryBackend();
        } else {
            Files.createDirectories(file.toAbsolutePath().getParent());
            marker = file.resolveSibling(file.getFileName() + ".open");
            if (Files.exists(marker) && Files.exists(file)) {
                setAside(file, "the last run did not close it (hard kill)");
            }
            backend = openOrReplace(file);
            Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("MongoDB wire server (mongo-java-server) listening on port {} (data: {})", address.getPort(),
                file == null ? "memory" : file);
        return new EmbeddedMongoServer(server, backend, address, marker);
    }

    /**
     * A hard kill can leave the store unreadable. The read side is derived data, so set the damaged file aside
     * and start empty: the services notice the missing read side and rebuild it from the event store.
     */
    private static MongoBackend openOrReplace(Path file) throws IOException {
        try {
            return new H2Backend(file.toString());
        } catch (RuntimeException e) {
            setAside(file, "it could not be opened (" + e.getMessage() + ")");
            return new H2Backend(file.toString());
        }
    }

    /**
     * After a hard kill the H2 store can open yet be inconsistent inside (the crash rounds saw a collection whose
     * _id index and documents disagreed, so an upsert failed with "already existed" during a read-side rebuild).
     * The services rebuild the whole read side after an unclean stop anyway, so nothing is lost by starting from
     * an empty file. The last file set aside is kept for inspection; older ones are deleted.
     */
    private static void setAside(Path file, String reason) throws IOException {
        try (var old = Files.list(file.toAbsolutePath().getParent())) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".set-aside-")).toList()) {
                Files.deleteIfExists(p);
            }
        }
        Path aside = file.resolveSibling(file.getFileName() + ".set-aside-" + System.currentTimeMillis());
        Files.move(file, aside);
        log.warn("Read-side store {} set aside as {} and starting empty: {}; the services rebuild the read side from"
                + " the event store", file, aside.getFileName(), reason);
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
        if (openMarker != null) {
            try {
                Files.deleteIfExists(openMarker);
            } catch (IOException e) {
                log.warn("Could not delete {}: the next start will set the read-side store aside", openMarker);
            }
        }
    }
}
