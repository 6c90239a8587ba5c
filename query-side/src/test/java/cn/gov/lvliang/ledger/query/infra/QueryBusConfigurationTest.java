package cn.gov.lvliang.ledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A query handler reads one snapshot: a row another transaction commits between two of its statements is in neither.
 */
@QuerySideTest
@Import(QueryBusConfigurationTest.CountTwice.class)
class QueryBusConfigurationTest {

    @Autowired
    QueryGateway queries;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyProbeTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS snapshot_probe (n INTEGER NOT NULL)").update();
        jdbc.sql("DELETE FROM snapshot_probe").update();
        jdbc.sql("INSERT INTO snapshot_probe (n) VALUES (1)").update();
    }

    @Test
    void aQuery_readsOneSnapshot_throughAllItsStatements() {
        Counts counts = queries.query(new CountTwiceQuery(), Counts.class).join();

        assertThat(counts.isolation()).isEqualTo("repeatable read");
        assertThat(counts.before()).isEqualTo(1);
        assertThat(counts.after()).as("a row committed between the query's two statements").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM snapshot_probe").query(Integer.class).single())
                .as("the row did commit").isEqualTo(2);
    }

    record CountTwiceQuery() {
    }

    record Counts(String isolation, int before, int after) {
    }

    /** Counts the probe table, has another transaction add a row and commit, and counts again. */
    static class CountTwice {

        private final JdbcClient jdbc;

        CountTwice(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @QueryHandler
        Counts handle(CountTwiceQuery query) {
            String isolation = jdbc.sql("SHOW transaction_isolation").query(String.class).single();
            int before = count();
            // Another thread, so another connection and transaction, which commits before this one reads again.
            CompletableFuture.runAsync(() -> jdbc.sql("INSERT INTO snapshot_probe (n) VALUES (2)").update()).join();
            return new Counts(isolation, before, count());
        }

        private int count() {
            return jdbc.sql("SELECT COUNT(*) FROM snapshot_probe").query(Integer.class).single();
        }
    }
}
