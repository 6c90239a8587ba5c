package cn.gov.lvliang.ledger.query.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One side of the ledger started from its packaged jar as a real operating-system process, the way
 * {@code ./ledger demo} and production run it.
 */
public final class LedgerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Steps are taken as the demo's history-import account, which names the acting unit of each. */
    private static final String TAKE_STEPS = signIn("importer");
    /** Reads, the audit trail among them, as the administrator. */
    private static final String READ = signIn("admin");

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private LedgerProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The command side's jar, built earlier in the same reactor build. */
    public static Path commandSideJar() {
        return jar(Path.of("..", "command-side", "target", "command-side.jar"));
    }

    /** This module's own jar, packaged before the integration tests run. */
    public static Path querySideJar() {
        return jar(Path.of("target", "query-side.jar"));
    }

    /** Starts a jar with the given environment and waits until its readiness probe answers UP. */
    public static LedgerProcess start(String name, Path jar, Map<String, String> environment, Path workDir) {
        int port = freePort();
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx384m", "-jar",
                jar.toAbsolutePath().toString(), "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("LEDGER_DB_URL");
        builder.environment().put("LEDGER_DEMO_ACCOUNTS", "true");
        builder.environment().putAll(environment);
        try {
            LedgerProcess started = new LedgerProcess(name, builder.start(), port, log);
            started.awaitReady();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady() {
        try {
            await(name + " readiness").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited:\n" + logText());
                        }
                        return get("/actuator/health/readiness").statusCode() == 200;
                    });
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException(name + " did not become ready:\n" + logText(), e);
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", READ).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TAKE_STEPS)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String signIn(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":ledger-demo").getBytes(StandardCharsets.UTF_8));
    }

    private static Path jar(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path.toAbsolutePath() + " is missing: run the tests with mvn verify "
                    + "from the repository root, which packages both sides first");
        }
        return path;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
