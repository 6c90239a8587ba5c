package cn.gov.lvliang.ledger.command.infra;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The aggregate cache of this command node: a command finds its aggregate in memory instead of reading and
 * deserializing (and decrypting) the aggregate's whole history from the event store.
 *
 * <p>Several command nodes write to the same event store, so a cached aggregate can be behind one that another node
 * appended to. Every use is therefore checked against the store first: the cached entry is used only when its
 * version is the aggregate's last sequence number in the event store (one indexed lookup in the command's own
 * transaction). A stale entry is dropped and Axon loads the aggregate from its events, so that every command is
 * decided on the stored state, whichever node decided the last one. A write that still races another node fails on
 * the event table's unique sequence number and is decided again ({@link IdempotentCommandGateway}); Axon drops the
 * entry of every rolled-back unit of work.
 *
 * <p>Only aggregates that keep no personal data in their state may use this cache: an erasure destroys keys, not
 * events, so an aggregate cached before an erasure would still hold the plain text (see docs/personal-data.md).
 */
public final class AggregateCache implements Cache {

    /** Axon keeps the version of a cached aggregate in its entry without exposing it. */
    private static final Field ENTRY_VERSION = entryVersionField();

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final EventStore eventStore;

    /**
     * @param maximumSize  the most aggregates kept; the least recently used go first
     * @param idleExpiry   an aggregate not used for this long is dropped
     * @param eventStore   the store whose last sequence numbers decide whether an entry is current
     */
    public AggregateCache(long maximumSize, Duration idleExpiry, EventStore eventStore) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idleExpiry).build();
        this.eventStore = eventStore;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value instanceof AggregateCacheEntry<?> entry && !current(key.toString(), entry)) {
            entries.invalidate(key);
            return null;
        }
        return (V) value;
    }

    /** Whether the entry holds the aggregate as the event store has it now. */
    private boolean current(String aggregateId, AggregateCacheEntry<?> entry) {
        Optional<Long> stored = eventStore.lastSequenceNumberFor(aggregateId);
        return stored.isPresent() && Objects.equals(stored.get(), versionOf(entry));
    }

    /** The version of a cached aggregate: the sequence number of the last event applied to it. */
    public static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) ENTRY_VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the version of a cached aggregate", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    /** Axon's aggregate repositories register no listeners; nothing else uses this cache. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }

    private static Field entryVersionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry no longer has a version field: the aggregate "
                    + "cache cannot tell a stale entry and must be adapted to this Axon version", e);
        }
    }
}
