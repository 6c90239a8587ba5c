package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.Checkpoint;
import cn.gov.lvliang.ledger.verifier.HashAlgorithm;
import cn.gov.lvliang.ledger.verifier.JournalTrees;
import cn.gov.lvliang.ledger.verifier.LedgerJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes, keeps and publishes signed checkpoints: in {@code ledger_checkpoint} and as one JSON line each in the
 * checkpoint file. A checkpoint is made under the head lock, and only if the tree at the previous checkpoint's size
 * still has that checkpoint's root ({@link JournalTrees#sign}): the ledger never signs over history that changed
 * under it.
 */
@Component
class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final Journal journal;
    private final JournalTrees trees;
    private final NotaryKeys keys;
    private final NotaryProperties properties;
    private final Clock clock;
    /** The checkpoints this node signed or found in its file; they survive a database restored from a backup. */
    private final List<Checkpoint> published = new ArrayList<>();

    Checkpoints(Journal journal, JournalTrees trees, NotaryKeys keys, NotaryProperties properties, Clock clock) {
        this.journal = journal;
        this.trees = trees;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        published.addAll(fromFile());
    }

    /**
     * A new checkpoint if events were sealed since the last one (or {@code always}); else empty. Throws the verifier's
     * {@link cn.gov.lvliang.ledger.verifier.HistoryChangedException} when the journal no longer reproduces the last
     * checkpoint: nothing is signed then.
     */
    synchronized Optional<Checkpoint> create(boolean always) {
        Checkpoint made = journal.inTransaction(ledger -> {
            LedgerJournal.Head head = ledger.lockHead();
            String logId = ledger.logId();
            Checkpoint previous = newest(ledger.latestCheckpoint().orElse(null), lastPublished(logId));
            if (previous != null && previous.size() == head.treeSize() && !always) {
                return null;
            }
            Checkpoint checkpoint = trees.sign(ledger, head, previous, properties.origin(), logId, clock.instant(),
                    keys.signing());
            ledger.insert(checkpoint);
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
        String logId = journal.inTransaction(LedgerJournal::logId);
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
        return journal.read(LedgerJournal::latestCheckpoint);
    }

    Optional<Checkpoint> byId(long id) {
        return journal.read(ledger -> ledger.checkpoint(id));
    }

    List<Checkpoint> list(int limit) {
        return journal.read(ledger -> ledger.checkpoints(limit));
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
