package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.LedgerJournal;
import java.sql.SQLException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's tables through the verifier module's {@link LedgerJournal}, which holds their SQL for both sides, on
 * the connection of a Spring transaction: SQL errors become Spring's data access exceptions.
 */
@Component
class Journal {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;

    Journal(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Work on the journal that must be seen whole or not at all, such as sealing or signing under the head lock. */
    <T> T inTransaction(Work<T> work) {
        return transactions.execute(status -> onConnection(work));
    }

    /** Reads, in one read-only transaction (joining the caller's, if any), so that PostgreSQL streams. */
    <T> T read(Work<T> work) {
        return readOnly.execute(status -> onConnection(work));
    }

    private <T> T onConnection(Work<T> work) {
        return jdbc.execute((ConnectionCallback<T>) connection -> work.apply(new LedgerJournal(connection)));
    }

    /** Something done with the journal. */
    @FunctionalInterface
    interface Work<T> {
        T apply(LedgerJournal journal) throws SQLException;
    }
}
