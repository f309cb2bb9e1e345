package org.districtops.auditcli;

import org.districtops.testsupport.TestEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit CLI against a real event store built by the service kit's migrations: exit codes and output. */
class VerifyEventChainIT {

    private TestEventStore store;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void store() throws Exception {
        store = TestEventStore.fresh();
        for (int i = 0; i < 12; i++) {
            store.append("d-1/plan/p" + i / 4, i % 4, "{\"n\":" + i + "}");
        }
    }

    private int run(Map<String, String> env, String... args) {
        return VerifyEventChain.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] connection(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--jdbc-url", store.jdbcUrl(), "--user",
                store.username(), "--password", store.password()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCleanChainExitsZero() {
        assertThat(run(Map.of(), connection())).isEqualTo(VerifyEventChain.CLEAN);
        assertThat(out()).contains("Result:              CLEAN").contains("Events checked:      12");
    }

    @Test
    void theConnectionCanComeFromTheEnvironment() {
        assertThat(run(Map.of("DOP_POSTGRES_URL", store.jdbcUrl(), "DOP_POSTGRES_USER", store.username(),
                "DOP_POSTGRES_PASSWORD", store.password()))).isEqualTo(VerifyEventChain.CLEAN);
    }

    @Test
    void aTamperedEventExitsTwoAndNamesTheBreak() throws Exception {
        store.execute("update domain_event_entry set payload = convert_to('{\"n\":99}', 'UTF8') where global_index = 5");
        assertThat(run(Map.of(), connection())).isEqualTo(VerifyEventChain.BROKEN);
        assertThat(out()).contains("Result:              BROKEN").contains("HASH_MISMATCH")
                .contains("chain_seq:         5").contains("global_index:      5");
    }

    @Test
    void aCheckpointsFileCatchesARewriteThatAlsoReplacedTheRecordedCheckpoints(@TempDir Path dir) throws Exception {
        store.execute("insert into event_chain_checkpoint (chain_seq, hash) select chain_seq, hash from event_chain_head");
        Path csv = dir.resolve("checkpoints.csv");
        StringBuilder copy = new StringBuilder("chain_seq,hash,taken_at\r\n");
        try (Connection c = store.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select chain_seq, encode(hash, 'hex'), taken_at from event_chain_checkpoint")) {
            while (rs.next()) {
                copy.append(rs.getLong(1)).append(',').append(rs.getString(2)).append(',')
                        .append(rs.getObject(3, java.time.OffsetDateTime.class).toInstant()).append("\r\n");
            }
        }
        Files.writeString(csv, copy);
        assertThat(run(Map.of(), connection("--checkpoints", csv.toString()))).isEqualTo(VerifyEventChain.CLEAN);

        // rewrite: a changed event, every later hash and the head recomputed, the recorded checkpoints replaced
        store.execute("update domain_event_entry set payload = convert_to('{\"n\":99}', 'UTF8') where global_index = 5");
        store.execute("""
                do $$
                declare r record; prev bytea;
                begin
                    select hash into prev from event_chain where chain_seq = 4;
                    for r in select c.chain_seq, e from event_chain c join domain_event_entry e
                             on e.global_index = c.global_index where c.chain_seq >= 5 order by c.chain_seq loop
                        update event_chain set prev_hash = prev, hash = sha256(prev || event_chain_canonical(r.e))
                        where chain_seq = r.chain_seq returning hash into prev;
                    end loop;
                    update event_chain_head set hash = prev;
                    update event_chain_checkpoint set hash = prev;
                end $$""");
        assertThat(run(Map.of(), connection())).as("the database alone cannot tell").isEqualTo(VerifyEventChain.CLEAN);
        out.reset();
        assertThat(run(Map.of(), connection("--checkpoints", csv.toString()))).isEqualTo(VerifyEventChain.BROKEN);
        assertThat(out()).contains("CHECKPOINT_MISMATCH");
    }

    @Test
    void noDatabaseOrBadArgumentsExitOne() {
        assertThat(run(Map.of())).isEqualTo(VerifyEventChain.ERROR);
        assertThat(run(Map.of(), "--colour", "red")).isEqualTo(VerifyEventChain.ERROR);
        assertThat(run(Map.of(), "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none", "--user", "x", "--password", "y"))
                .isEqualTo(VerifyEventChain.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Could not verify");
    }

    @Test
    void theRunnableJarVerifiesWithProgressOnStderr() throws Exception {
        Path jar = Path.of("target", "audit-cli.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the password from the environment, as the usage text recommends
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--jdbc-url", store.jdbcUrl(),
                "--user", store.username());
        builder.environment().put("DOP_POSTGRES_PASSWORD", store.password());
        Process cli = builder.start();
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stdout = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.exitValue()).as(stdout + stderr).isZero();
        assertThat(stdout).contains("Result:              CLEAN");
        assertThat(stderr).contains("Event chain verified clean: 12 events");
    }
}
