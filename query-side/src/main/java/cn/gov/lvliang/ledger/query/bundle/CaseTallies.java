package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.query.bundle.CaseTally.Figures;
import cn.gov.lvliang.ledger.query.bundle.CaseTally.Key;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.axonframework.messaging.Message;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@link CaseTally the dashboards' counts} in step with the case rows the bundle-case projection writes. Around
 * each event's handling it notes the case's figures as they were; the counts move by the difference to the figures
 * as they are afterwards. The figures come from the rows the projection's {@link RowBuffer} holds, so that a batch's
 * cases are not read from the database again.
 *
 * <p>In a transaction (a processor's batch, a rebuild's batch) a case's figures are read before the first of its
 * events in the transaction and after the last, just before the commit, for all the transaction's cases at once; the
 * counts move once per transaction, in key order. A processor's batch is known up front, so the figures before it
 * are read for all its cases at once too. The transactions of the processor's segments run at the same time and may
 * move the same counts; the key order keeps their locks from deadlocking. Outside a transaction (tests that feed the
 * projection directly) the counts move after each event.
 *
 * <p>An instance for a rebuild {@link #writeHeldBack holds the counts back} across its transactions instead: a
 * replay's every batch moves thousands of the same counts, which PostgreSQL would otherwise update again each time.
 */
final class CaseTallies {

    /** The most counts a rebuild holds back before its next transaction writes them: about 15 MB. */
    static final int MAX_HELD_BACK = 100_000;

    /** The case an event is of, or null; the payloads of other events are left serialized. */
    static final Function<Message<?>, String> CASE_OF = RowBuffer.ownerOf(BundleCaseEvent.class,
            BundleCaseEvent::caseId);

    private final JdbcClient jdbc;
    private final ProjectionTables tables;
    private final BooleanSupplier postgresql;
    private final RowBuffer rows;
    /** What the transactions moved and nobody wrote yet, for a rebuild's instance; null for the live one. */
    private final Map<Key, Long> heldBack;
    private final int maxHeldBack;

    /**
     * @param rows        the projection's rows, which the handlings run with
     * @param maxHeldBack how many counts to hold back across transactions at most, for a rebuild, whose tables are
     *                    read only once it has {@link #writeHeldBack written them}; 0 to write each transaction's
     */
    CaseTallies(JdbcClient jdbc, ProjectionTables tables, BooleanSupplier postgresql, RowBuffer rows,
                int maxHeldBack) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.postgresql = postgresql;
        this.rows = rows;
        this.heldBack = maxHeldBack > 0 ? new HashMap<>() : null;
        this.maxHeldBack = maxHeldBack;
    }

    /** Writes the counts held back so far, in the current transaction; for the live instance, none. */
    void writeHeldBack() {
        if (heldBack != null) {
            Map<Key, Long> due;
            synchronized (heldBack) {
                due = new HashMap<>(heldBack);
                heldBack.clear();
            }
            move(due);
        }
    }

    /**
     * Runs the handling of an event of the given case, and moves the counts by what it changed; within
     * {@link RowBuffer#around the rows' own around}, whose rows it reads the figures from.
     */
    Object around(String caseId, Callable<Object> handling) throws Exception {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            List<String> one = List.of(caseId);
            Map<String, Figures> before = Figures.read(rows, one);
            Object result = handling.call();
            move(differences(before, Figures.read(rows, one), one));
            return result;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
            pending.readBefore(RowBuffer.ofTheBatch(CASE_OF));
        }
        if (pending.touched.add(caseId) && !pending.before.containsKey(caseId)) {
            pending.readBefore(List.of(caseId));
        }
        return handling.call();
    }

    private static Map<Key, Long> differences(Map<String, Figures> before, Map<String, Figures> after,
                                             Iterable<String> cases) {
        Map<Key, Long> differences = new HashMap<>();
        for (String caseId : cases) {
            Figures was = before.get(caseId);
            Figures is = after.get(caseId);
            if (was != null && !was.equals(is)) {
                was.addTo(differences, -1);
            }
            if (is != null && !is.equals(was)) {
                is.addTo(differences, 1);
            }
        }
        return differences;
    }

    private void move(Map<Key, Long> differences) {
        if (!differences.isEmpty()) {
            CaseTally.write(jdbc, tables, differences, postgresql.getAsBoolean());
        }
    }

    /**
     * Moves the counts now, or, for a rebuild, holds them back until it asks for them or too many are held. A
     * rebuild's transaction that fails after this fails the rebuild, whose tables are dropped with what was held.
     */
    private void moveOrHoldBack(Map<Key, Long> differences) {
        if (heldBack == null) {
            move(differences);
            return;
        }
        synchronized (heldBack) {
            differences.forEach((key, difference) -> heldBack.merge(key, difference, Long::sum));
            if (heldBack.size() <= maxHeldBack) {
                return;
            }
        }
        writeHeldBack();
    }

    /**
     * One transaction's cases: the figures before it of the cases read so far (null for a case not there yet), and
     * the cases it changed.
     */
    private final class Pending implements TransactionSynchronization {

        private final Map<String, Figures> before = new HashMap<>();
        private final Set<String> touched = new LinkedHashSet<>();

        /** Reads the figures of cases before this transaction wrote any of their rows. */
        void readBefore(Collection<String> cases) {
            Map<String, Figures> read = Figures.read(rows, cases);
            cases.forEach(caseId -> before.put(caseId, read.get(caseId)));
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // Only the cases this transaction handled: a case of the batch it did not handle is another's to count.
            moveOrHoldBack(differences(before, Figures.read(rows, touched), touched));
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CaseTallies.this);
        }
    }
}
