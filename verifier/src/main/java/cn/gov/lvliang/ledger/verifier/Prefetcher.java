package cn.gov.lvliang.ledger.verifier;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads rows on a thread of its own, a few batches ahead of the thread that checks them, so that the database
 * producing and the driver decoding the next rows overlap with the hashing of the current ones: over the whole
 * journal, reading and hashing each take about as long. Only the reading thread touches the source (and its
 * connection) until {@link #close()} returns. Memory is bounded by {@code depth} batches.
 *
 * @param <T> what one row is read into
 */
final class Prefetcher<T> implements AutoCloseable {

    /** Where the rows come from. */
    @FunctionalInterface
    interface Source<T> {
        /** The next row, or null at the end. */
        T next() throws SQLException;
    }

    private final BlockingQueue<List<T>> queue;
    private final List<T> end = new ArrayList<>(0);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean closed;
    private boolean ended;

    Prefetcher(Source<T> source, int batchSize, int depth) {
        this.queue = new ArrayBlockingQueue<>(depth);
        this.thread = new Thread(() -> produce(source, batchSize), "ledger-verifier-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next batch of rows in their order; an empty list at the end. Throws what the reading thread met. */
    List<T> next() throws SQLException {
        if (ended) {
            return List.of();
        }
        List<T> batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the journal", e);
        }
        if (batch == end) {
            ended = true;
            if (failure instanceof SQLException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return List.of();
        }
        return batch;
    }

    private void produce(Source<T> source, int batchSize) {
        try {
            List<T> batch = new ArrayList<>(batchSize);
            for (T row = closed ? null : source.next(); row != null; row = closed ? null : source.next()) {
                batch.add(row);
                if (batch.size() == batchSize) {
                    hand(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                hand(batch);
            }
        } catch (Throwable e) {
            failure = e;
        }
        try {
            hand(end);
        } catch (InterruptedException e) {
            // closed: nobody waits for the end any more
        }
    }

    /** Puts a batch in the queue, waiting while it is full, unless the consumer has gone. */
    private void hand(List<T> batch) throws InterruptedException {
        while (!closed) {
            if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        throw new InterruptedException("closed");
    }

    /** Stops the reading thread (after the fetch it is in, if any) and waits for it, so the result set can close. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
