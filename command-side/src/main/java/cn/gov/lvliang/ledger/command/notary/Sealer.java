package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.EventDigests;
import cn.gov.lvliang.ledger.verifier.HashAlgorithm;
import cn.gov.lvliang.ledger.verifier.LedgerHasher;
import cn.gov.lvliang.ledger.verifier.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
class Sealer {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);

    private final Journal journal;
    private final TransactionTemplate transactions;
    private final NotaryProperties properties;
    private final Clock clock;
    private final Map<HashAlgorithm, LedgerHasher> hashers = new EnumMap<>(HashAlgorithm.class);
    private final Set<Long> quarantined = ConcurrentHashMap.newKeySet();

    Sealer(Journal journal, PlatformTransactionManager transactionManager, NotaryProperties properties, Clock clock) {
        this.journal = journal;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            hashers.put(algorithm, new LedgerHasher(algorithm));
        }
    }

    /** Seals everything committed so far; returns how many events were sealed. */
    synchronized long sealAll() {
        long total = 0;
        while (true) {
            Batch batch = transactions.execute(status -> sealBatch());
            total += batch.sealed();
            if (!batch.full()) {
                return total;
            }
        }
    }

    private record Batch(int sealed, boolean full) {
    }

    private Batch sealBatch() {
        Journal.Head head = journal.lockHead();
        List<StoredEvent> rows = journal.unsealed(head.maxGlobalIndex() - properties.gapWindow(),
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
        Set<String> cases = new LinkedHashSet<>();
        accepted.forEach(row -> cases.add(row.aggregateIdentifier()));
        Map<String, Map<HashAlgorithm, byte[]>> caseChains = new HashMap<>(journal.caseChains(cases));
        Map<HashAlgorithm, byte[]> chains = new EnumMap<>(head.chains());
        long position = head.treeSize();
        long maxGlobalIndex = head.maxGlobalIndex();
        List<Journal.Entry> entries = new ArrayList<>(accepted.size());
        for (StoredEvent row : accepted) {
            Map<HashAlgorithm, byte[]> caseChain = caseChains.computeIfAbsent(row.aggregateIdentifier(),
                    id -> new EnumMap<>(HashAlgorithm.class));
            Map<HashAlgorithm, Journal.Hashes> hashes = new EnumMap<>(HashAlgorithm.class);
            for (HashAlgorithm algorithm : HashAlgorithm.values()) {
                LedgerHasher hasher = hashers.get(algorithm);
                EventDigests digests = hasher.digest(row);
                byte[] chain = hasher.chain(chains.get(algorithm), digests.leaf());
                byte[] nextCaseChain = hasher.chain(caseChain.get(algorithm), digests.leaf());
                chains.put(algorithm, chain);
                caseChain.put(algorithm, nextCaseChain);
                hashes.put(algorithm, new Journal.Hashes(digests.leaf(), chain, nextCaseChain,
                        digests.payloadDigest(), digests.metadataDigest()));
            }
            entries.add(new Journal.Entry(position++, row, now, hashes));
            maxGlobalIndex = Math.max(maxGlobalIndex, row.globalIndex());
        }
        if (!entries.isEmpty()) {
            journal.insert(entries);
            journal.updateHead(position, maxGlobalIndex, chains);
        }
        return new Batch(entries.size(), rows.size() == properties.sealBatchSize() && !entries.isEmpty());
    }

    private static boolean recent(String timestamp, Instant limit) {
        try {
            return !Instant.parse(timestamp).isBefore(limit);
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }
}
