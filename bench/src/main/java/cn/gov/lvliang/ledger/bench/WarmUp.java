package cn.gov.lvliang.ledger.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Runs the command load until both sides are warm: until, in one window of load, neither side's JIT compilers
 * spent more than {@link #QUIET_SHARE} of the window's time compiling. On two cores the compilers of two Spring
 * applications compete with the load for minutes after the start; a figure taken before they go quiet measures the
 * warm-up, which a side in service pays once, and not the side.
 *
 * <p>The compile time is the JVM's own account of it ({@code jvm.compilation.time}, which Spring Boot's JVM
 * metrics export), read from each side's Prometheus endpoint before and after each window.
 */
final class WarmUp {

    /** The share of a window's wall time under which a side's compilers count as quiet. */
    static final double QUIET_SHARE = 0.05;
    static final Duration WINDOW = Duration.ofSeconds(10);

    /**
     * How the warm-up ended.
     *
     * @param took     how long the load ran
     * @param quiet    whether both sides' compilers went quiet before the limit
     * @param compiled each side's compile time over the whole warm-up
     * @param shares   each side's share of compile time in the last window
     */
    record Outcome(Duration took, boolean quiet, Duration[] compiled, double[] shares) {
    }

    private WarmUp() {
    }

    /** One window of work: some load, some reads. */
    @FunctionalInterface
    interface Window {
        void run() throws Exception;
    }

    /** Load windows of {@link #WINDOW}, at least {@code minimum} and at most {@code maximum} of them in all. */
    static Outcome run(CommandLoad load, int clients, Duration minimum, Duration maximum, Side... sides)
            throws Exception {
        long[] seed = {1};
        return untilQuiet("warm-up", () -> load.run(clients, WINDOW, seed[0]++), minimum, maximum, sides);
    }

    /**
     * Runs {@code window} again and again until, in one run, none of the sides' compilers worked more than {@link
     * #QUIET_SHARE} of its time, once {@code minimum} has passed; or until {@code maximum} has passed.
     */
    static Outcome untilQuiet(String name, Window window, Duration minimum, Duration maximum, Side... sides)
            throws Exception {
        long started = System.nanoTime();
        double[] first = compileMillis(sides);
        double[] before = first;
        while (true) {
            long windowStart = System.nanoTime();
            window.run();
            long windowNanos = System.nanoTime() - windowStart;
            double[] after = compileMillis(sides);
            double[] shares = shares(before, after, windowNanos);
            boolean quiet = Arrays.stream(shares).allMatch(share -> share <= QUIET_SHARE);
            before = after;
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Bench.log(String.format("%s %d s: compilers busy %s of the last %d s", name, took.toSeconds(),
                    percentages(shares), Duration.ofNanos(windowNanos).toSeconds()));
            if ((quiet && took.compareTo(minimum) >= 0) || took.compareTo(maximum) >= 0) {
                Duration[] compiled = new Duration[sides.length];
                for (int i = 0; i < sides.length; i++) {
                    compiled[i] = Duration.ofMillis((long) (after[i] - first[i]));
                }
                return new Outcome(took, quiet, compiled, shares);
            }
        }
    }

    /** Each side's compile time between two readings, as a share of the {@code nanos} between them. */
    static double[] shares(double[] before, double[] after, long nanos) {
        double[] shares = new double[before.length];
        for (int i = 0; i < before.length; i++) {
            shares[i] = (after[i] - before[i]) * 1_000_000 / nanos;
        }
        return shares;
    }

    static String percentages(double[] shares) {
        StringBuilder text = new StringBuilder();
        for (double share : shares) {
            text.append(text.isEmpty() ? "" : " and ").append(Math.round(share * 100)).append('%');
        }
        return text.toString();
    }

    static double[] compileMillis(Side... sides) throws IOException, InterruptedException {
        double[] millis = new double[sides.length];
        for (int i = 0; i < sides.length; i++) {
            millis[i] = sides[i].compilationMillis();
        }
        return millis;
    }
}
