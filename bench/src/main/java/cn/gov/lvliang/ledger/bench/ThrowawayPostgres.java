package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.RawBaselines.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a drill's own, which the drill may stop and start under load without disturbing the
 * machine's shared server: made with {@code initdb} under the bench's work directory, on a free loopback port, with
 * trust authentication on loopback only, and removed again when the drill ends, also when it fails (and by a shutdown
 * hook if the drill is interrupted). The server refuses to run as root, so as root it runs as the OS user
 * {@code postgres}.
 */
final class ThrowawayPostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getenv().getOrDefault("LEDGER_PG_BIN",
            "/usr/lib/postgresql/15/bin"));
    private static final String OS_USER = "postgres";

    private final Path directory;
    private final Path data;
    private final int port;
    private final Thread removal = new Thread(this::remove, "throw-away-postgres-removal");

    private ThrowawayPostgres(Path directory, int port) {
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
    }

    /** Makes a new cluster in {@code directory} (a leftover of an earlier run is stopped and removed first), starts it, and creates the role and database {@code ledger}. */
    static ThrowawayPostgres create(Path directory) throws IOException, InterruptedException, SQLException {
        ThrowawayPostgres postgres = new ThrowawayPostgres(directory, freeLoopbackPort());
        postgres.remove();
        Files.createDirectories(directory);
        if (asRoot()) {
            run(List.of("chown", OS_USER, directory.toString()));
        }
        Runtime.getRuntime().addShutdownHook(postgres.removal);
        try {
            postgres.serverCommand(List.of(BIN.resolve("initdb").toString(), "-D", postgres.data.toString(),
                    "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"));
            postgres.start();
            try (Connection connection = postgres.database("postgres", "postgres").connect();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE ledger LOGIN PASSWORD 'ledger'");
                statement.execute("CREATE DATABASE ledger OWNER ledger");
            }
        } catch (IOException | InterruptedException | SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        Bench.log("throw-away PostgreSQL cluster on port " + postgres.port + " in " + directory);
        return postgres;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/ledger";
    }

    int port() {
        return port;
    }

    /** Starts the server and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        serverCommand(List.of(BIN.resolve("pg_ctl").toString(), "start", "-D", data.toString(), "-w", "-t", "120",
                "-l", directory.resolve("server.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory));
    }

    /** Stops the server at once, the way a crash would: no checkpoint, open connections cut. */
    void stopImmediately() throws IOException, InterruptedException {
        serverCommand(List.of(BIN.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "immediate",
                "-w", "-t", "60"));
    }

    @Override
    public void close() {
        remove();
        try {
            Runtime.getRuntime().removeShutdownHook(removal);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running or has run.
        }
    }

    /** Stops the server if it runs and deletes the cluster's directory. */
    private void remove() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                stopImmediately();
            }
            if (Files.exists(directory)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the throw-away cluster in " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Database database(String name, String user) {
        return new Database("jdbc:postgresql://127.0.0.1:" + port + "/" + name, user, "");
    }

    /** Runs a PostgreSQL program as the cluster's OS user. */
    private void serverCommand(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                    + output);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
