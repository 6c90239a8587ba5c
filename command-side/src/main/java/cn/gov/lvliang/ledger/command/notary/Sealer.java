package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.LedgerJournal;
import cn.gov.lvliang.ledger.verifier.StoredEvent;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Appends newly committed events to the journal, in ascending global index among the rows not sealed yet. The
 * journal's position is the canonical order: a transaction with a lower global index that commits after a higher one
 * is sealed at a later position, so that no sealed position ever changes. Each batch holds the lock on the head row,
 * so several command nodes take turns.
 *
 * <p>A row below the sealed frontier whose timestamp is older than {@code max-commit-delay} is not a late commit but
 * an insertion into history: it is left unsealed, and verification reports it.
 */
@Component
public class Sealer {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);

    private final Journal journal;
    private final NotaryProperties properties;
    private final Clock clock;
    private final Set<Long> quarantined = ConcurrentHashMap.newKeySet();

    Sealer(Journal journal, NotaryProperties properties, Clock clock) {
        this.journal = journal;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Seals everything committed so far; returns how many events were sealed. Public for the scale data generator,
     * which seals what it wrote before it exits.
     */
    public synchronized long sealAll() {
        long total = 0;
        while (true) {
            Batch batch = journal.inTransaction(this::sealBatch);
            total += batch.sealed();
            if (!batch.full()) {
                return total;
            }
        }
    }

    private record Batch(int sealed, boolean full) {
    }

    private Batch sealBatch(LedgerJournal ledger) throws SQLException {
        LedgerJournal.Head head = ledger.lockHead();
        List<StoredEvent> rows = ledger.unsealed(head.maxGlobalIndex() - properties.gapWindow(),
                properties.sealBatchSize());
        if (rows.isEmpty()) {
            return new Batch(0, false);
        }
        Instant now = clock.instant();
        Instant lateLimit = now.minus(properties.maxCommitDelay());
        List<StoredEvent> accepted = new ArrayList<>(rows.size());
        for (StoredEvent row : rows) {
            if (row.globalIndex() < head.maxGlobalIndex() && !recent(row.timestamp(), lateLimit)) {
                if (quarantined.add(row.globalIndex())) {
                    log.warn("Not sealing event row {} (case {} #{}, timestamp {}): it appeared below the sealed "
                                    + "global index {} and is older than {}; verification reports it as inserted",
                            row.globalIndex(), row.aggregateIdentifier(), row.sequenceNumber(), row.timestamp(),
                            head.maxGlobalIndex(), properties.maxCommitDelay());
                }
                continue;
            }
            accepted.add(row);
        }
        ledger.seal(head, accepted, now);
        return new Batch(accepted.size(), rows.size() == properties.sealBatchSize() && !accepted.isEmpty());
    }

    private static boolean recent(String timestamp, Instant limit) {
        try {
            return !Instant.parse(timestamp).isBefore(limit);
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }
}
