package cn.gov.lvliang.ledger.query.infra.eventstore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Streams of the whole event store, from its first event, that share what they read while they run at once: the
 * rebuilds of several projections each replay every event, and would otherwise each read and parse the store.
 *
 * <p>A stream reads the store in pages of {@code pageSize} events through the storage engine, as
 * {@code EventStore.openStream} does. A full page is kept, under the token it was read after, for the other open
 * streams: one that reaches that token takes the page as read instead of reading it again, and one that asks while
 * the page is being read waits for it. Its events are the same message objects, so a payload is deserialized once for
 * all of them. A page is dropped once every open stream has passed it, and the oldest pages go first when more than
 * {@code pagesKept} are held: a stream that falls that far behind reads for itself.
 *
 * <p>A page taken later holds what the store held when it was read. That is what the stream would have seen had it
 * read at that moment: it carries on from the page's last token, whose gaps it still reads, so an event committed
 * late into a gap still reaches it. A page that is not full, near the head, is handed to those who asked for it
 * while it was read and then dropped, so that the next read finds what has been appended since.
 */
public final class SharedEventReads {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final EventStorageEngine storage;
    private final int pageSize;
    private final int pagesKept;
    /** Guards {@link #pages} and {@link #open}. */
    private final Object lock = new Object();
    /** Pages by the token they start after, in the order they were first asked for. */
    private final Map<PageKey, CompletableFuture<Page>> pages = new LinkedHashMap<>();
    private final Set<SharedStream> open = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * @param storage   the engine whose events the streams read
     * @param pageSize  events read at a time, and kept as one page
     * @param pagesKept pages kept at most for streams behind the one that read them
     */
    public SharedEventReads(EventStorageEngine storage, int pageSize, int pagesKept) {
        if (pageSize < 1 || pagesKept < 1) {
            throw new IllegalArgumentException("pageSize and pagesKept must be positive");
        }
        this.storage = storage;
        this.pageSize = pageSize;
        this.pagesKept = pagesKept;
    }

    /**
     * A stream of every event in the store, from the first, with the tokens {@code EventStore.openStream(null)}
     * gives them; it waits for new events at the head as that stream does. Not for use by several threads at once;
     * close it when done, so that the pages it would still need can go.
     */
    public BlockingStream<TrackedEventMessage<?>> openStream() {
        SharedStream stream = new SharedStream();
        synchronized (lock) {
            open.add(stream);
        }
        return stream;
    }

    /** Pages held for the open streams (for tests and diagnostics). */
    int pagesHeld() {
        synchronized (lock) {
            return pages.size();
        }
    }

    /**
     * The page of events after {@code after}, the {@code ordinal}-th its stream takes: a kept one, one another stream
     * is reading, or one read now.
     */
    private Page page(TrackingToken after, long ordinal) {
        PageKey key = new PageKey(after);
        CompletableFuture<Page> page;
        boolean reading = false;
        synchronized (lock) {
            page = pages.get(key);
            if (page == null) {
                page = new CompletableFuture<>();
                pages.put(key, page);
                reading = true;
                dropPassedAndOldest();
            }
        }
        if (reading) {
            try {
                Page read = read(after, ordinal);
                page.complete(read);
                if (read.events().size() < pageSize) {
                    forget(key, page);
                }
            } catch (RuntimeException | Error e) {
                forget(key, page);
                page.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return page.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private Page read(TrackingToken after, long ordinal) {
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(after, false)) {
            List<TrackedEventMessage<?>> read = new ArrayList<>(pageSize);
            events.limit(pageSize).forEach(read::add);
            return new Page(read, ordinal);
        }
    }

    private void forget(PageKey key, CompletableFuture<Page> page) {
        synchronized (lock) {
            pages.remove(key, page);
        }
    }

    /** Drops the read pages every open stream has passed, then the oldest beyond {@link #pagesKept}. */
    private void dropPassedAndOldest() {
        long lowest = open.stream().mapToLong(stream -> stream.ordinal).min().orElse(Long.MAX_VALUE);
        pages.values().removeIf(page -> page.isDone() && !page.isCompletedExceptionally()
                && page.join().ordinal() < lowest);
        Iterator<CompletableFuture<Page>> oldest = pages.values().iterator();
        while (pages.size() > pagesKept && oldest.hasNext()) {
            if (oldest.next().isDone()) {
                oldest.remove();
            }
        }
    }

    private void closed(SharedStream stream) {
        synchronized (lock) {
            open.remove(stream);
            if (open.isEmpty()) {
                pages.values().removeIf(CompletableFuture::isDone);
            }
        }
    }

    /** The token a page starts after; none for the page of the store's first events. */
    private record PageKey(TrackingToken after) {
    }

    /**
     * Events read at once, in their order; fewer than a page's at the head.
     *
     * @param ordinal which page this is of the stream that read it, counting from 0
     */
    private record Page(List<TrackedEventMessage<?>> events, long ordinal) {
    }

    private final class SharedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final ArrayDeque<TrackedEventMessage<?>> buffered = new ArrayDeque<>();
        /** The token of the last event taken; none before the first. */
        private TrackingToken position;
        /** Which page this stream takes next, counting from 0; read under the lock by other streams. */
        private volatile long ordinal;

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (buffered.isEmpty()) {
                fill();
            }
            return Optional.ofNullable(buffered.peekFirst());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (peek().isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(left, POLL_NANOS));
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable((int) TimeUnit.NANOSECONDS.toMillis(POLL_NANOS), TimeUnit.MILLISECONDS)) {
                // Waits, as the event store's stream does, until an event is appended.
            }
            TrackedEventMessage<?> event = buffered.removeFirst();
            position = event.trackingToken();
            return event;
        }

        @Override
        public void close() {
            buffered.clear();
            closed(this);
        }

        private void fill() {
            Page page = page(position, ordinal);
            if (!page.events().isEmpty()) {
                buffered.addAll(page.events());
                ordinal++;
            }
        }
    }
}
