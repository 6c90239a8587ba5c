package cn.gov.lvliang.ledger.personaldata;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data keys of the data subjects, in {@code personal_data_key}: one AES-256 key per subject and generation,
 * stored wrapped by the master key.
 *
 * <ul>
 *   <li>Encrypting always asks the table for the subject's newest live key, so no node ever encrypts new data under
 *   a key another node destroyed. A first key is created and committed in a transaction of its own before any event
 *   uses it: a key must never be lost with a rolled-back command while an event elsewhere depends on it.</li>
 *   <li>Decrypting goes through a per-node cache of unwrapped keys, bounded in size and time; a destroyed key is
 *   remembered as destroyed for good.</li>
 *   <li>Destroying a subject's keys (crypto-shredding) nulls the wrapped keys and keeps the rows as tombstones, so that
 *   an erased value is told apart from a key that is missing (which is an error, never taken for an erasure).</li>
 * </ul>
 */
public class DataKeys {

    /** Subjects per {@code IN} list when checking many for erasure. */
    private static final int SUBJECTS_PER_CHECK = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final MasterKey masterKey;
    private final Clock clock;
    private final KeyCache cache;
    private final String checkLock;

    /**
     * @param sharedLocks whether the database takes shared row locks ({@code FOR SHARE}: PostgreSQL); where it does
     *                    not (H2), {@link #erasedLockingKeys} locks the rows for update instead
     */
    DataKeys(JdbcClient jdbc, TransactionTemplate ownTransaction, MasterKey masterKey, Clock clock,
             Duration cacheTtl, int cacheSize, boolean sharedLocks) {
        this.jdbc = jdbc;
        this.checkLock = sharedLocks ? " FOR SHARE" : " FOR UPDATE";
        this.ownTransaction = ownTransaction;
        this.masterKey = masterKey;
        this.clock = clock;
        this.cache = new KeyCache(cacheTtl, cacheSize);
    }

    /** A subject's key of one generation, unwrapped. */
    record DataKey(String subjectRef, int generation, byte[] key) {

        /** What the key is bound to: its subject and generation. */
        String name() {
            return name(subjectRef, generation);
        }

        static String name(String subjectRef, int generation) {
            return subjectRef + "#" + generation;
        }
    }

    /** The key new data of the subject is encrypted under: its newest live key, or a new one. */
    DataKey forEncrypting(String subjectRef) {
        return newestLive(subjectRef).orElseGet(() -> create(subjectRef));
    }

    /**
     * Makes sure each of these subjects holds a live key, creating the missing ones together in one transaction of
     * their own, committed before the caller stores anything under them: what {@link #forEncrypting} does one
     * subject and one transaction at a time. For a bulk writer (the scale data generator) that would otherwise pay a
     * transaction, and a commit, for every new subject. Returns how many keys it created.
     */
    public int ensureLiveKeys(Collection<String> subjectRefs) {
        if (subjectRefs.isEmpty()) {
            return 0;
        }
        try {
            return ownTransaction.execute(status -> {
                Map<String, Integer> newestGeneration = new HashMap<>();
                Set<String> live = new HashSet<>();
                jdbc.sql("""
                                SELECT subject_ref, generation, destroyed_at FROM personal_data_key
                                WHERE subject_ref IN (:subjects)""")
                        .param("subjects", Set.copyOf(subjectRefs))
                        .query((row, n) -> {
                            String subject = row.getString("subject_ref");
                            newestGeneration.merge(subject, row.getInt("generation"), Math::max);
                            if (row.getObject("destroyed_at") == null) {
                                live.add(subject);
                            }
                            return subject;
                        })
                        .list();
                int created = 0;
                for (String subject : new LinkedHashSet<>(subjectRefs)) {
                    if (!live.contains(subject)) {
                        insert(subject, newestGeneration.getOrDefault(subject, 0) + 1, AesGcm.newKey());
                        created++;
                    }
                }
                return created;
            });
        } catch (DuplicateKeyException concurrentlyCreated) {
            // Another node created one of these keys at the same moment: leave each to forEncrypting, one at a time.
            return 0;
        }
    }

    /** The key to decrypt data of one generation with; empty once destroyed. */
    Optional<byte[]> forDecrypting(String subjectRef, int generation) {
        String name = DataKey.name(subjectRef, generation);
        Optional<Optional<byte[]>> cached = cache.get(name);
        if (cached.isPresent()) {
            return cached.get();
        }
        StoredKey stored = jdbc.sql("""
                        SELECT wrapped_key, master_key_id FROM personal_data_key
                        WHERE subject_ref = :subject AND generation = :generation""")
                .param("subject", subjectRef)
                .param("generation", generation)
                .query((row, n) -> new StoredKey(generation, row.getBytes("wrapped_key"), row.getString("master_key_id")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("No data key " + name + " in personal_data_key: an "
                        + "event refers to a key this database never held (is this node on the ledger's database?)"));
        Optional<byte[]> key = stored.wrapped() == null ? Optional.empty()
                : Optional.of(masterKey.unwrap(stored.wrapped(), name, stored.masterKeyId()));
        cache.put(name, key);
        return key;
    }

    /**
     * Destroys every live key of the subject: from now on their data reads as erased everywhere. Returns how many
     * keys were destroyed; none when the subject held no live key. Runs in the caller's transaction, so the keys go
     * exactly when the erasure's event is stored.
     */
    public int destroy(String subjectRef) {
        int destroyed = jdbc.sql("""
                        UPDATE personal_data_key SET wrapped_key = NULL, destroyed_at = :at
                        WHERE subject_ref = :subject AND destroyed_at IS NULL""")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("subject", subjectRef)
                .update();
        forget(subjectRef);
        return destroyed;
    }

    /** Drops the subject's keys from this node's cache, e.g. when this node learns of an erasure elsewhere. */
    public void forget(String subjectRef) {
        cache.removeSubject(subjectRef);
    }

    /**
     * Whether the subject's data is erased: it had keys and all are destroyed. Locks the subject's key rows until the
     * caller's transaction ends, so that an erasure cannot commit between this answer and the caller's commit; a
     * read model that writes a subject's data checks this in the same transaction and cannot miss an erasure. Where
     * the database allows, the lock is shared: it holds off the erasure's update of the rows but not the other
     * transactions that check the same subject, such as a projection's other segments writing the same applicant.
     */
    public boolean erasedLockingKeys(String subjectRef) {
        return erasedLockingKeys(List.of(subjectRef)).contains(subjectRef);
    }

    /**
     * {@link #erasedLockingKeys(String)} for many subjects at once, in one statement per 500 subjects, for a read
     * model that writes a batch of them: which of them are erased. The rows are locked in the
     * order of their subjects, so two such checks of overlapping subjects cannot deadlock where the locks are
     * exclusive (H2).
     */
    public Set<String> erasedLockingKeys(Collection<String> subjectRefs) {
        return erased(subjectRefs, checkLock);
    }

    /** Whether the subject's data is erased: it had keys and all are destroyed. Reads the table, not the cache. */
    public boolean erased(String subjectRef) {
        return erased(List.of(subjectRef), "").contains(subjectRef);
    }

    /** Which of the subjects had keys and have all destroyed, reading their rows with the given lock clause. */
    private Set<String> erased(Collection<String> subjectRefs, String lock) {
        List<String> sorted = subjectRefs.stream().distinct().sorted().toList();
        Map<String, Boolean> allDestroyed = new HashMap<>();
        for (int from = 0; from < sorted.size(); from += SUBJECTS_PER_CHECK) {
            jdbc.sql("""
                            SELECT subject_ref, destroyed_at FROM personal_data_key
                            WHERE subject_ref IN (:subjects) ORDER BY subject_ref, generation""" + lock)
                    .param("subjects", sorted.subList(from, Math.min(sorted.size(), from + SUBJECTS_PER_CHECK)))
                    .query((row, n) -> allDestroyed.merge(row.getString("subject_ref"),
                            row.getObject("destroyed_at") != null, Boolean::logicalAnd))
                    .list();
        }
        return allDestroyed.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Whether the subject holds a live key, i.e. the ledger holds readable personal data of it. */
    public boolean holdsLiveKey(String subjectRef) {
        return newestLive(subjectRef).isPresent();
    }

    private Optional<DataKey> newestLive(String subjectRef) {
        return jdbc.sql("""
                        SELECT generation, wrapped_key, master_key_id FROM personal_data_key
                        WHERE subject_ref = :subject AND destroyed_at IS NULL
                        ORDER BY generation DESC""")
                .param("subject", subjectRef)
                .query((row, n) -> new StoredKey(row.getInt("generation"), row.getBytes("wrapped_key"),
                        row.getString("master_key_id")))
                .list()
                .stream()
                .findFirst()
                .map(stored -> {
                    String name = DataKey.name(subjectRef, stored.generation());
                    return new DataKey(subjectRef, stored.generation(),
                            masterKey.unwrap(stored.wrapped(), name, stored.masterKeyId()));
                });
    }

    private DataKey create(String subjectRef) {
        try {
            return ownTransaction.execute(status -> {
                int generation = jdbc.sql("""
                                SELECT COALESCE(MAX(generation), 0) + 1 FROM personal_data_key
                                WHERE subject_ref = :subject""")
                        .param("subject", subjectRef)
                        .query(Integer.class)
                        .single();
                byte[] key = AesGcm.newKey();
                insert(subjectRef, generation, key);
                return new DataKey(subjectRef, generation, key);
            });
        } catch (DuplicateKeyException concurrentlyCreated) {
            // Another node created the subject's key at the same moment: use theirs.
            return newestLive(subjectRef).orElseThrow(() -> concurrentlyCreated);
        }
    }

    private void insert(String subjectRef, int generation, byte[] key) {
        jdbc.sql("""
                        INSERT INTO personal_data_key (subject_ref, generation, wrapped_key, master_key_id, created_at)
                        VALUES (:subject, :generation, :wrapped, :masterKeyId, :at)""")
                .param("subject", subjectRef)
                .param("generation", generation)
                .param("wrapped", masterKey.wrap(key, DataKey.name(subjectRef, generation)))
                .param("masterKeyId", masterKey.id())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    private record StoredKey(int generation, byte[] wrapped, String masterKeyId) {
    }

    /** Unwrapped keys by name, least recently used first; a live key for a while, a destroyed one for good. */
    private static final class KeyCache {

        private final long ttlNanos;
        private final Map<String, Entry> entries;

        KeyCache(Duration ttl, int size) {
            this.ttlNanos = ttl.toNanos();
            this.entries = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                    return size() > size;
                }
            };
        }

        synchronized Optional<Optional<byte[]>> get(String name) {
            Entry entry = entries.get(name);
            if (entry == null) {
                return Optional.empty();
            }
            if (entry.key().isPresent() && System.nanoTime() - entry.cachedAt() > ttlNanos) {
                entries.remove(name);
                return Optional.empty();
            }
            return Optional.of(entry.key());
        }

        synchronized void put(String name, Optional<byte[]> key) {
            if (ttlNanos > 0 || key.isEmpty()) {
                entries.put(name, new Entry(key, System.nanoTime()));
            }
        }

        synchronized void removeSubject(String subjectRef) {
            entries.keySet().removeIf(name -> name.startsWith(subjectRef + "#"));
        }

        private record Entry(Optional<byte[]> key, long cachedAt) {
        }
    }
}
