package cn.gov.lvliang.ledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One side of the ledger started from its jar as a real process on loopback, the way {@code ./ledger demo} starts it,
 * with the bench's heap limit. Knows how long it took to become ready and how much heap it uses.
 */
final class Side implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    /** Bearer tokens of this run's stand-in identity provider, trusted by every side the bench starts. */
    static final BenchTokens TOKENS = BenchTokens.generate();
    /** The history importer names the acting unit of each step; the administrator reads everything. */
    static final String IMPORTER = TOKENS.bearer("importer", "IMPORTER");
    static final String ADMIN = TOKENS.bearer("admin", "ADMIN");

    final String name;
    final int port;
    final Duration startup;
    private final Process process;
    private final Path log;

    private Side(String name, int port, Process process, Path log, Duration startup) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.startup = startup;
    }

    /**
     * Starts the jar, with extra JVM options such as a flight recording ({@code --profile}), and waits (at most five
     * minutes: the machine may be busy) until its readiness probe answers.
     */
    static Side start(String name, Path jar, int port, String heap, List<String> jvmOptions,
                      Map<String, String> environment, List<String> arguments, Path workDir)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--server.address=127.0.0.1"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        Side side = new Side(name, port, process, log, null);
        long deadline = started + TimeUnit.MINUTES.toNanos(5);
        while (!side.ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                side.close();
                throw new IllegalStateException(name + " did not become ready; see " + log);
            }
            Thread.sleep(200);
        }
        return new Side(name, port, process, log, Duration.ofNanos(System.nanoTime() - started));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    boolean ready() {
        try {
            return get("/actuator/health/readiness", null).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String authorization, String json)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Heap in use now and its limit, in MiB, from the side's Prometheus endpoint (open like the health probes). */
    long[] heapMiB() throws IOException, InterruptedException {
        List<String> samples = prometheus();
        if (samples.isEmpty()) {
            return new long[] {-1, -1};
        }
        double used = 0;
        double max = 0;
        for (String line : samples) {
            if (line.contains("area=\"heap\"")) {
                double value = value(line);
                if (line.startsWith("jvm_memory_used_bytes")) {
                    used += value;
                } else if (line.startsWith("jvm_memory_max_bytes") && value > 0) {
                    max += value;
                }
            }
        }
        return new long[] {(long) (used / (1024 * 1024)), (long) (max / (1024 * 1024))};
    }

    /**
     * How long the side's JIT compilers have worked since its start, in milliseconds ({@code jvm.compilation.time});
     * -1 if the side does not say.
     */
    double compilationMillis() throws IOException, InterruptedException {
        for (String line : prometheus()) {
            if (line.startsWith("jvm_compilation_time_ms_total")) {
                return value(line);
            }
        }
        return -1;
    }

    /** The lines of the side's Prometheus endpoint; none if it did not answer. */
    private List<String> prometheus() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/actuator/prometheus", null);
        return response.statusCode() == 200 ? List.of(response.body().split("\n")) : List.of();
    }

    /** The value of one sample line: its last field. */
    private static double value(String sample) {
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }

    Path log() {
        return log;
    }

    /** The process id, which Axon's token store names the segments' owner by ({@code pid@host}). */
    long pid() {
        return process.pid();
    }

    /** kill -9: the process gets no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
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


    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
