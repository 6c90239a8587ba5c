package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.RawBaselines.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * Stands in for autovacuum where the server runs without it. This machine's PostgreSQL has {@code autovacuum = off}
 * (its CI configuration); a production server has it on. Without it, a query side that wrote a case row once per
 * event keeps every old version of the row in its tables and indexes, and the planner's statistics are those of the
 * empty tables: reads then measure the missing housekeeping, not the ledger. So where autovacuum is off, the bench
 * runs {@code VACUUM (ANALYZE)} at the points where a server with autovacuum would have had the time to: after the
 * query side caught up on a large store, and before the reads. Where it is on, this does nothing.
 */
final class Vacuum {

    private final Database database;
    private final boolean needed;

    private Vacuum(Database database, boolean needed) {
        this.database = database;
        this.needed = needed;
    }

    /** Asks the server once whether it runs autovacuum. */
    static Vacuum standingInForAutovacuum(Database database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW autovacuum")) {
            row.next();
            return new Vacuum(database, !"on".equals(row.getString(1)));
        }
    }

    /**
     * Vacuums and analyzes every table of the bench's database that the ledger's role owns, if autovacuum is off;
     * how long it took, or empty if it was not needed.
     */
    Optional<Duration> run(String when) throws SQLException {
        if (!needed) {
            return Optional.empty();
        }
        Bench.log("VACUUM (ANALYZE) " + when + ": autovacuum is off on this server");
        long started = System.nanoTime();
        try (Connection connection = database.connect()) {
            // VACUUM refuses to run inside a transaction.
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM (ANALYZE)");
            }
        }
        return Optional.of(Duration.ofNanos(System.nanoTime() - started));
    }
}
