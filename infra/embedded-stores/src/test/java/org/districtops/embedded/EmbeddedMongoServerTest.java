package org.districtops.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-side store after a clean stop is kept; after a hard kill it is set aside and the server starts empty. */
class EmbeddedMongoServerTest {

    @TempDir
    Path data;

    @Test
    void givenAStoreThatWasClosedCleanly_whenTheServerStartsAgain_thenTheSameFileIsUsed() throws Exception {
        Path file = data.resolve("read-side.mv");
        EmbeddedMongoServer.start(file, 0).close();
        assertThat(file.resolveSibling("read-side.mv.open")).doesNotExist();

        try (EmbeddedMongoServer ignored = EmbeddedMongoServer.start(file, 0)) {
            assertThat(asideFiles()).isEmpty();
            assertThat(file.resolveSibling("read-side.mv.open")).exists();
        }
    }

    @Test
    void givenAStoreLeftOpenByAHardKill_whenTheServerStarts_thenTheFileIsSetAsideAndTheStoreStartsEmpty() throws Exception {
        Path file = data.resolve("read-side.mv");
        EmbeddedMongoServer.start(file, 0).close();
        Files.writeString(file.resolveSibling("read-side.mv.open"), "12345"); // what a kill -9 leaves behind
        Files.writeString(file.resolveSibling("read-side.mv.set-aside-1"), "an older one");

        try (EmbeddedMongoServer ignored = EmbeddedMongoServer.start(file, 0)) {
            assertThat(asideFiles()).hasSize(1).noneMatch(p -> p.getFileName().toString().endsWith("-1"));
            assertThat(file).exists();
        }
    }

    private Stream<Path> asideFiles() throws Exception {
        return Files.list(data).filter(p -> p.getFileName().toString().contains(".set-aside-")).toList().stream();
    }
}
