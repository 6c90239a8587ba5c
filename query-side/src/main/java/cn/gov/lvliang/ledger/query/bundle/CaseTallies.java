package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.query.bundle.CaseTally.Figures;
import cn.gov.lvliang.ledger.query.bundle.CaseTally.Key;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@link CaseTally the dashboards' counts} in step with the case rows the bundle-case projection writes. Around
 * each event's handling it notes the case's figures as they were; the counts move by the difference to the figures
 * as they are afterwards.
 *
 * <p>In a transaction (a processor's batch, a rebuild's batch) a case's figures are read before the first of its
 * events in the transaction and after the last, just before the commit, for all the transaction's cases at once; the
 * counts move once per transaction, in key order. The transactions of the processor's segments run at the same time
 * and may move the same counts; the key order keeps their locks from deadlocking. Outside a transaction (tests that
 * feed the projection directly) the counts move after each event.
 */
final class CaseTallies {

    private final JdbcClient jdbc;
    private final ProjectionTables tables;

    CaseTallies(JdbcClient jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** Runs the handling of an event of the given case, and moves the counts by what it changed. */
    Object around(String caseId, Callable<Object> handling) throws Exception {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            List<String> one = List.of(caseId);
            Map<String, Figures> before = Figures.read(jdbc, tables, one);
            Object result = handling.call();
            write(before, Figures.read(jdbc, tables, one), one);
            return result;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (!pending.cases.containsKey(caseId)) {
            pending.cases.put(caseId, Figures.read(jdbc, tables, List.of(caseId)).get(caseId));
        }
        return handling.call();
    }

    private void write(Map<String, Figures> before, Map<String, Figures> after, Iterable<String> cases) {
        SortedMap<Key, Long> differences = new TreeMap<>();
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
        CaseTally.write(jdbc, tables, differences);
    }

    /** The cases of one transaction with their figures as they were before it (null for a case not yet there). */
    private final class Pending implements TransactionSynchronization {

        private final Map<String, Figures> cases = new HashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            Map<String, Figures> before = new HashMap<>();
            cases.forEach((caseId, figures) -> {
                if (figures != null) {
                    before.put(caseId, figures);
                }
            });
            write(before, Figures.read(jdbc, tables, cases.keySet()), cases.keySet());
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CaseTallies.this);
        }
    }
}
