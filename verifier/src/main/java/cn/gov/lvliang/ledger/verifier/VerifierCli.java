package cn.gov.lvliang.ledger.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar ledger-verifier.jar}: checks the ledger's proofs without the application.
 *
 * <pre>
 *   ledger-verifier.jar [bundle] case-bundle.json [--public-key key.pem]... [--algorithm SHA-256|SM3]...
 *   ledger-verifier.jar [audit-trail] audit-trail-CASE.jsonl [--public-key key.pem]... [--algorithm SHA-256|SM3]...
 *   ledger-verifier.jar consistency proof.json    [--public-key key.pem]... [--algorithm SHA-256|SM3]...
 *   ledger-verifier.jar database --url JDBC-URL [--user U] [--password P] [--checkpoints checkpoints.jsonl]...
 *                                [--public-key key.pem]... [--algorithm SHA-256|SM3] [--max-commit-delay 60s] [--json]
 * </pre>
 *
 * Exit status: 0 verified, 1 verification failed, 2 bad usage or unreadable input.
 */
public final class VerifierCli {

    private static final String USAGE = """
            usage:
              java -jar ledger-verifier.jar [bundle] case-bundle.json [--public-key key.pem]... [--algorithm SHA-256|SM3]...
              java -jar ledger-verifier.jar [audit-trail] audit-trail-CASE.jsonl [--public-key key.pem]...
                    [--algorithm SHA-256|SM3]...
              java -jar ledger-verifier.jar consistency proof.json [--public-key key.pem]... [--algorithm SHA-256|SM3]...
              java -jar ledger-verifier.jar database --url JDBC-URL [--user U] [--password P]
                    [--checkpoints checkpoints.jsonl]... [--public-key key.pem]... [--algorithm SHA-256|SM3]
                    [--max-commit-delay 60s] [--json]
            exit status: 0 verified, 1 verification failed, 2 bad usage or unreadable input""";

    private VerifierCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command and returns its exit status; for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(args);
            return switch (arguments.command) {
                case "bundle" -> arguments.file().toString().endsWith(".jsonl") ? auditTrail(arguments, out)
                        : bundle(arguments, out);
                case "audit-trail" -> auditTrail(arguments, out);
                case "consistency" -> consistency(arguments, out);
                case "database" -> database(arguments, out);
                default -> throw new IllegalArgumentException("unknown command " + arguments.command);
            };
        } catch (IllegalArgumentException | IOException | SQLException e) {
            err.println("ledger-verifier: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static int bundle(Arguments arguments, PrintStream out) throws IOException {
        CaseBundle bundle = CaseBundle.fromJson(read(arguments.file()));
        Set<HashAlgorithm> algorithms = arguments.algorithms(bundle.checkpoint() == null ? Set.of()
                : bundle.checkpoint().roots().keySet());
        BundleVerifier.Report report = BundleVerifier.verify(bundle, arguments.keys(), algorithms);
        out.println("case " + bundle.caseId() + ": " + bundle.events().size() + " event(s), exported "
                + bundle.exportedAt());
        return print(report, out);
    }

    /** An audit trail exported as JSON Lines: its last line is the case's bundle, every other line an event. */
    private static int auditTrail(Arguments arguments, PrintStream out) throws IOException {
        AuditTrailExport export = AuditTrailExport.parse(read(arguments.file()));
        CaseBundle bundle = export.bundle();
        Set<HashAlgorithm> algorithms = arguments.algorithms(bundle.checkpoint() == null ? Set.of()
                : bundle.checkpoint().roots().keySet());
        out.println("audit trail of case " + bundle.caseId() + ": " + export.eventLines() + " event line(s); "
                + "its bundle " + bundle.events().size() + " event(s), exported " + bundle.exportedAt());
        return print(export.verify(arguments.keys(), algorithms), out);
    }

    private static int consistency(Arguments arguments, PrintStream out) throws IOException {
        ConsistencyProof proof = ConsistencyProof.fromJson(Json.parse(read(arguments.file())));
        if (arguments.keys().isEmpty()) {
            throw new IllegalArgumentException("a consistency proof is checked against --public-key");
        }
        return print(proof.verify(arguments.keys(), arguments.algorithms(proof.paths().keySet())), out);
    }

    private static int database(Arguments arguments, PrintStream out) throws IOException, SQLException {
        if (arguments.url == null) {
            throw new IllegalArgumentException("database needs --url");
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (Path file : arguments.checkpointFiles) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    checkpoints.add(Checkpoint.fromJson(line));
                }
            }
        }
        Set<HashAlgorithm> algorithms = arguments.algorithms(Set.of(HashAlgorithm.SHA_256));
        if (algorithms.size() != 1) {
            throw new IllegalArgumentException("database verification takes one --algorithm");
        }
        DatabaseVerifier.Options options = new DatabaseVerifier.Options(algorithms.iterator().next(),
                arguments.maxCommitDelay, Instant.now(), checkpoints, arguments.keys(), 100);
        LedgerReport report;
        try (Connection connection = DriverManager.getConnection(arguments.url, arguments.user, arguments.password)) {
            report = DatabaseVerifier.verify(connection, options);
        }
        if (arguments.json) {
            out.println(Json.pretty(report.toJson()));
        } else {
            out.print(report.toText());
            if (arguments.keys().isEmpty()) {
                out.println("warning: checkpoint signatures were not checked (no --public-key)");
            }
        }
        return report.ok() ? 0 : 1;
    }

    private static int print(BundleVerifier.Report report, PrintStream out) {
        report.checks().forEach(check -> out.println("  ok      " + check));
        report.failures().forEach(failure -> out.println("  FAILED  " + failure));
        report.warnings().forEach(warning -> out.println("  note    " + warning));
        out.println(report.ok() ? "VERIFIED" : "NOT VERIFIED");
        return report.ok() ? 0 : 1;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static final class Arguments {
        String command = "bundle";
        final List<Path> files = new ArrayList<>();
        final List<Path> keyFiles = new ArrayList<>();
        final List<Path> checkpointFiles = new ArrayList<>();
        final List<String> algorithmNames = new ArrayList<>();
        String url;
        String user = "";
        String password = "";
        Duration maxCommitDelay = Duration.ofMinutes(1);
        boolean json;

        static Arguments parse(String[] args) {
            Arguments a = new Arguments();
            int i = 0;
            if (args.length > 0 && List.of("bundle", "audit-trail", "consistency", "database").contains(args[0])) {
                a.command = args[0];
                i = 1;
            }
            for (; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--public-key" -> a.keyFiles.add(Path.of(value(args, ++i, arg)));
                    case "--algorithm" -> a.algorithmNames.add(value(args, ++i, arg));
                    case "--checkpoints" -> a.checkpointFiles.add(Path.of(value(args, ++i, arg)));
                    case "--url" -> a.url = value(args, ++i, arg);
                    case "--user" -> a.user = value(args, ++i, arg);
                    case "--password" -> a.password = value(args, ++i, arg);
                    case "--max-commit-delay" -> a.maxCommitDelay = duration(value(args, ++i, arg));
                    case "--json" -> a.json = true;
                    case "-h", "--help" -> throw new IllegalArgumentException("help");
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        a.files.add(Path.of(arg));
                    }
                }
            }
            return a;
        }

        Path file() {
            if (files.size() != 1) {
                throw new IllegalArgumentException(command + " takes one file");
            }
            return files.get(0);
        }

        List<NotaryKey> keys() {
            List<NotaryKey> keys = new ArrayList<>();
            for (Path file : keyFiles) {
                try {
                    keys.add(NotaryKey.fromPublicPem(Files.readString(file, StandardCharsets.US_ASCII)));
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
            return keys;
        }

        Set<HashAlgorithm> algorithms(Set<HashAlgorithm> otherwise) {
            if (algorithmNames.isEmpty()) {
                return otherwise.isEmpty() ? EnumSet.of(HashAlgorithm.SHA_256) : EnumSet.copyOf(otherwise);
            }
            Set<HashAlgorithm> set = EnumSet.noneOf(HashAlgorithm.class);
            algorithmNames.forEach(name -> set.add(HashAlgorithm.of(name)));
            return set;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static Duration duration(String text) {
            String t = text.trim().toLowerCase();
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        }
    }
}
