package cn.gov.lvliang.ledger.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Samples the heap of both sides every ten seconds while the load runs, and keeps the peaks. Not more often: a
 * Prometheus scrape is work the sides do on the same two cores as the load.
 */
final class HeapPeaks implements AutoCloseable {

    private final Side[] sides;
    private final AtomicLongArray peaks;
    private final AtomicLongArray limits;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapPeaks(Side... sides) {
        this.sides = sides;
        this.peaks = new AtomicLongArray(sides.length);
        this.limits = new AtomicLongArray(sides.length);
        for (int i = 0; i < sides.length; i++) {
            peaks.set(i, -1);
            limits.set(i, -1);
        }
        this.sampler = new Thread(this::sample, "heap-sampler");
        sampler.setDaemon(true);
    }

    static HeapPeaks watch(Side... sides) {
        HeapPeaks peaks = new HeapPeaks(sides);
        peaks.sampler.start();
        return peaks;
    }

    long peak(int side) {
        return peaks.get(side);
    }

    long limit(int side) {
        return limits.get(side);
    }

    private void sample() {
        while (running) {
            for (int i = 0; i < sides.length; i++) {
                try {
                    long[] heap = sides[i].heapMiB();
                    peaks.accumulateAndGet(i, heap[0], Math::max);
                    limits.set(i, heap[1]);
                } catch (Exception e) {
                    // A missed sample is only a missed sample.
                }
            }
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
