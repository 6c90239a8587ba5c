package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.Checkpoint;
import cn.gov.lvliang.ledger.verifier.HashAlgorithm;
import cn.gov.lvliang.ledger.verifier.LedgerHasher;
import cn.gov.lvliang.ledger.verifier.MerkleTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes, keeps and publishes signed checkpoints: in {@code ledger_checkpoint} and as one JSON line each in the
 * checkpoint file. A checkpoint is made under the head lock, and only if the tree at the previous checkpoint's size
 * still has that checkpoint's root: the ledger never signs over history that changed under it.
 */
@Component
class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final JdbcClient jdbc;
    private final Journal journal;
    private final LedgerTree tree;
    private final NotaryKeys keys;
    private final NotaryProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** The checkpoints this node signed or found in its file; they survive a database restored from a backup. */
    private final List<Checkpoint> published = new ArrayList<>();

    Checkpoints(JdbcClient jdbc, Journal journal, LedgerTree tree, NotaryKeys keys, NotaryProperties properties,
                Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.tree = tree;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        published.addAll(fromFile());
    }

    /** Thrown when the journal no longer reproduces the last checkpoint: nothing is signed. */
    static final class HistoryChangedException extends IllegalStateException {
        HistoryChangedException(String message) {
            super(message);
        }
    }

    /** A new checkpoint if events were sealed since the last one (or {@code always}); else empty. */
    synchronized Optional<Checkpoint> create(boolean always) {
        Checkpoint made = transactions.execute(status -> {
            Journal.Head head = journal.lockHead();
            String logId = journal.logId();
            Checkpoint previous = newest(latest().orElse(null), lastPublished(logId));
            if (previous != null && previous.size() == head.treeSize() && !always) {
                return null;
            }
            Map<HashAlgorithm, MerkleTree> trees = tree.caughtUp();
            if (trees.get(HashAlgorithm.SHA_256).size() != head.treeSize()) {
                throw new HistoryChangedException("the journal holds " + trees.get(HashAlgorithm.SHA_256).size()
                        + " entries but its head says " + head.treeSize());
            }
            if (previous != null) {
                requireExtends(previous, trees, head.treeSize());
            }
            Map<HashAlgorithm, byte[]> roots = new EnumMap<>(HashAlgorithm.class);
            Map<HashAlgorithm, byte[]> heads = new EnumMap<>(HashAlgorithm.class);
            for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                roots.put(algorithm, trees.get(algorithm).root(head.treeSize()));
                byte[] chain = head.chains().get(algorithm);
                heads.put(algorithm, chain == null ? LedgerHasher.GENESIS : chain);
            }
            long id = previous == null ? 1 : previous.id() + 1;
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Checkpoint checkpoint = new Checkpoint(properties.origin(), logId, id, head.treeSize(), now.toString(), roots,
                    heads, List.of()).signedBy(keys.signing());
            jdbc.sql("INSERT INTO ledger_checkpoint (id, tree_size, created_at, document) "
                            + "VALUES (:id, :size, :at, :document)")
                    .param("id", id)
                    .param("size", head.treeSize())
                    .param("at", Timestamp.from(now))
                    .param("document", checkpoint.toJsonLine())
                    .update();
            return checkpoint;
        });
        if (made == null) {
            return Optional.empty();
        }
        published.add(made);
        append(made);
        log.info("Checkpoint {}: {} events, SHA-256 root {}", made.id(), made.size(),
                cn.gov.lvliang.ledger.verifier.Json.hex(made.roots().get(HashAlgorithm.SHA_256)));
        return Optional.of(made);
    }

    private static void requireExtends(Checkpoint previous, Map<HashAlgorithm, MerkleTree> trees, long size) {
        if (previous.size() > size) {
            throw new HistoryChangedException("checkpoint " + previous.id() + " covers " + previous.size()
                    + " events but the journal holds only " + size + "; refusing to sign");
        }
        for (Map.Entry<HashAlgorithm, byte[]> root : previous.roots().entrySet()) {
            if (!Arrays.equals(trees.get(root.getKey()).root(previous.size()), root.getValue())) {
                throw new HistoryChangedException("the journal's " + root.getKey().label() + " root at size "
                        + previous.size() + " differs from checkpoint " + previous.id() + "; refusing to sign");
            }
        }
    }

    private Checkpoint lastPublished(String logId) {
        Checkpoint last = null;
        for (Checkpoint c : published) {
            if (c.logId().equals(logId) && (last == null || c.id() > last.id())) {
                last = c;
            }
        }
        return last;
    }

    /** The checkpoints of this database's log in this node's file (others are of a database since replaced). */
    List<Checkpoint> publishedOfThisLog() {
        String logId = journal.logId();
        synchronized (this) {
            return published.stream().filter(c -> c.logId().equals(logId)).toList();
        }
    }

    private static Checkpoint newest(Checkpoint a, Checkpoint b) {
        if (a == null) {
            return b;
        }
        return b == null || a.id() >= b.id() ? a : b;
    }

    Optional<Checkpoint> latest() {
        return jdbc.sql("SELECT document FROM ledger_checkpoint ORDER BY id DESC LIMIT 1")
                .query(String.class).optional().map(Checkpoint::fromJson);
    }

    Optional<Checkpoint> byId(long id) {
        return jdbc.sql("SELECT document FROM ledger_checkpoint WHERE id = :id").param("id", id)
                .query(String.class).optional().map(Checkpoint::fromJson);
    }

    List<Checkpoint> list(int limit) {
        return jdbc.sql("SELECT document FROM ledger_checkpoint ORDER BY id DESC LIMIT :limit")
                .param("limit", limit)
                .query(String.class).list().stream().map(Checkpoint::fromJson).toList();
    }

    /** The checkpoints in this node's file, oldest first. */
    List<Checkpoint> fromFile() {
        Path file = properties.checkpointFile();
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    checkpoints.add(Checkpoint.fromJson(line));
                }
            }
            return checkpoints;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void append(Checkpoint checkpoint) {
        Path file = properties.checkpointFile();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap((checkpoint.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            // The checkpoint is committed and served; only the archive copy is missing.
            log.error("Checkpoint {} could not be appended to {}", checkpoint.id(), file, e);
        }
    }
}
