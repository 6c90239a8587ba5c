package cn.gov.lvliang.ledger.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * One request sent again and again to a side, twice a second, while a drill has broken something under it; keeps how
 * each was answered, when, and how long the answer took.
 */
final class Probe {

    private static final Duration PAUSE = Duration.ofMillis(500);

    /**
     * One answer: its status (0 if the connection failed), content type, Retry-After header, time taken, and the
     * moment it came ({@link System#nanoTime()}).
     */
    record Answer(int status, String contentType, String retryAfter, Duration took, long answeredAt) {

        boolean problem503() {
            return status == 503 && contentType.startsWith("application/problem+json") && !retryAfter.isEmpty();
        }
    }

    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean stopped;

    private Probe(String name, Callable<HttpResponse<String>> request) {
        thread = new Thread(() -> {
            while (!stopped) {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> response = request.call();
                    answers.add(new Answer(response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(""),
                            response.headers().firstValue("Retry-After").orElse(""),
                            Duration.ofNanos(System.nanoTime() - t0), System.nanoTime()));
                } catch (IOException e) {
                    answers.add(new Answer(0, "", "", Duration.ofNanos(System.nanoTime() - t0), System.nanoTime()));
                } catch (Exception e) {
                    return;
                }
                try {
                    Thread.sleep(PAUSE.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "probe-" + name);
        thread.setDaemon(true);
    }

    static Probe start(String name, Callable<HttpResponse<String>> request) {
        Probe probe = new Probe(name, request);
        probe.thread.start();
        return probe;
    }

    /** Sends no further request; the one in flight, if any, still gets its answer. */
    void stop() {
        stopped = true;
    }

    /** Waits for the request in flight, if any. */
    void join() throws InterruptedException {
        stopped = true;
        thread.join(Duration.ofMinutes(2).toMillis());
    }

    /** The answers that came before {@code nanoTime}. */
    List<Answer> answersBefore(long nanoTime) {
        return answers.stream().filter(answer -> answer.answeredAt() < nanoTime).toList();
    }

    /** "12 of 12 answers 503 problem+json with Retry-After (by status {503=12})". */
    String summary(long before) {
        List<Answer> all = answersBefore(before);
        long good = all.stream().filter(Answer::problem503).count();
        Map<Integer, Long> statuses = new TreeMap<>(all.stream()
                .collect(Collectors.groupingBy(Answer::status, Collectors.counting())));
        return good + " of " + all.size() + " answers 503 problem+json with Retry-After (by status " + statuses + ")";
    }

    boolean all503(long before) {
        List<Answer> all = answersBefore(before);
        return !all.isEmpty() && all.stream().allMatch(Answer::problem503);
    }

    /** The longest time any answer took, also those that came after {@link #stop}. */
    Duration longest() {
        return answers.stream().map(Answer::took).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    static String seconds(Duration duration) {
        return String.format("%.1f", duration.toMillis() / 1000.0);
    }
}
