package org.districtops.auditcli;

import org.districtops.eventchain.ChainBreak;
import org.districtops.eventchain.Checkpoint;
import org.districtops.eventchain.EventChainFormat;
import org.districtops.eventchain.EventChainVerifier;
import org.districtops.eventchain.VerificationReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a service's event chain straight from its PostgreSQL database, with the same verifier the services
 * run, so that an auditor needs neither the platform nor a token. Optionally compares the chain with checkpoints
 * copied earlier from {@code /public/audit/checkpoints.csv}, which a rewrite of the database cannot reach.
 *
 * <p>Exit code: 0 the chain verifies, 2 it is broken, 1 the check could not be made (bad arguments, no database).
 */
public final class VerifyEventChain {

    static final int CLEAN = 0;
    static final int ERROR = 1;
    static final int BROKEN = 2;

    private static final String USAGE = """
            Usage: java -jar audit-cli.jar --jdbc-url URL [--user USER] [--password PASSWORD] [--checkpoints FILE]

              --jdbc-url     the service's event store, e.g. jdbc:postgresql://localhost:5432/vision
                             (default: environment variable DOP_POSTGRES_URL)
              --user         database user (default: DOP_POSTGRES_USER)
              --password     database password (default: DOP_POSTGRES_PASSWORD; prefer it, arguments are visible to ps)
              --checkpoints  a checkpoints CSV saved earlier from /public/audit/checkpoints.csv; every row must
                             still match the chain
            Exit code: 0 clean, 2 broken, 1 error. Progress goes to stderr, the report to stdout.""";

    private VerifyEventChain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return ERROR;
        }
        if (options.containsKey("help")) {
            out.println(USAGE);
            return CLEAN;
        }
        String url = options.getOrDefault("jdbc-url", env.get("DOP_POSTGRES_URL"));
        String user = options.getOrDefault("user", env.get("DOP_POSTGRES_USER"));
        String password = options.getOrDefault("password", env.get("DOP_POSTGRES_PASSWORD"));
        if (url == null || url.isBlank()) {
            err.println("No database given: pass --jdbc-url or set DOP_POSTGRES_URL.");
            err.println(USAGE);
            return ERROR;
        }
        List<Checkpoint> checkpoints;
        try {
            checkpoints = options.containsKey("checkpoints")
                    ? readCheckpoints(Path.of(options.get("checkpoints"))) : List.of();
        } catch (IOException | IllegalArgumentException e) {
            err.println("Cannot read the checkpoints file: " + e.getMessage());
            return ERROR;
        }
        out.println("Verifying the event chain of " + url + (checkpoints.isEmpty() ? ""
                : " against " + checkpoints.size() + " supplied checkpoints"));
        VerificationReport report;
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            report = new EventChainVerifier().verify(connection, checkpoints);
        } catch (SQLException e) {
            err.println("Could not verify: " + e.getMessage());
            return ERROR;
        }
        print(report, out);
        return report.clean() ? CLEAN : BROKEN;
    }

    private static void print(VerificationReport report, PrintStream out) {
        out.println("Result:              " + (report.clean() ? "CLEAN" : "BROKEN"));
        out.println("Events checked:      " + report.eventsChecked());
        out.println("Checkpoints checked: " + report.checkpointsChecked());
        out.println("Elapsed:             " + report.elapsedMillis() + " ms (" + report.eventsPerSecond() + " events/s)");
        ChainBreak b = report.firstBreak();
        if (b != null) {
            out.println("First break:         " + b.reason());
            out.println("  chain_seq:         " + (b.chainSeq() == null ? "-" : b.chainSeq()));
            out.println("  global_index:      " + (b.globalIndex() == null ? "-" : b.globalIndex()));
            out.println("  event_identifier:  " + (b.eventIdentifier() == null ? "-" : b.eventIdentifier()));
            out.println("  detail:            " + b.detail());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.put("help", "");
                continue;
            }
            if (!List.of("--jdbc-url", "--user", "--password", "--checkpoints").contains(arg)) {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            options.put(arg.substring(2), args[++i]);
        }
        return options;
    }

    /** Reads {@code chain_seq,hash,taken_at} rows, as served by /public/audit/checkpoints.csv. */
    static List<Checkpoint> readCheckpoints(Path file) throws IOException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("chain_seq")) {
                continue;
            }
            String[] cells = line.split(",");
            try {
                if (cells.length < 2) {
                    throw new IllegalArgumentException("expected chain_seq,hash,taken_at");
                }
                byte[] hash = EventChainFormat.fromHex(cells[1].strip());
                if (hash.length != EventChainFormat.HASH_LENGTH) {
                    throw new IllegalArgumentException("a hash has 64 hex digits");
                }
                checkpoints.add(new Checkpoint(Long.parseLong(cells[0].strip()), hash,
                        cells.length > 2 && !cells[2].isBlank() ? Instant.parse(cells[2].strip()) : null));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        return checkpoints;
    }
}
