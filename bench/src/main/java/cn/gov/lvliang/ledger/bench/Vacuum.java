package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.RawBaselines.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for autovacuum where the server runs without it. This machine's PostgreSQL has {@code autovacuum = off}
 * (its CI configuration); a production server has it on. Without it, a query side that wrote a case row once per
 * event keeps every old version of the row in its tables and indexes, and the planner's statistics are those of the
 * empty tables: reads then measure the missing housekeeping, not the ledger. So where autovacuum is off, the bench
 * does what autovacuum would: while the query side catches up on a large store, it vacuums and analyzes the tables
 * that pass the server's own autovacuum thresholds once a naptime ({@link #whileCatchingUp}); and it runs
 * {@code VACUUM (ANALYZE)} of the whole database after the catch-up and before the reads, where a server with
 * autovacuum would have had the time to. Where autovacuum is on, this does nothing.
 */
final class Vacuum {

    /**
     * The tables of the ledger's role that autovacuum would vacuum or analyze now, by the server's thresholds
     * (dead rows, rows inserted since the last vacuum, rows changed since the last analysis), with the statement
     * for each.
     */
    private static final String DUE = """
            WITH t AS (
                SELECT format('%I.%I', s.schemaname, s.relname) AS name,
                       s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
                               + current_setting('autovacuum_vacuum_scale_factor')::float8 * greatest(c.reltuples, 0)
                           OR s.n_ins_since_vacuum > current_setting('autovacuum_vacuum_insert_threshold')::float8
                               + current_setting('autovacuum_vacuum_insert_scale_factor')::float8
                                   * greatest(c.reltuples, 0) AS vacuum_due,
                       s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
                               + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
                           AS analyze_due
                FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
                WHERE pg_has_role(c.relowner, 'USAGE'))
            SELECT CASE WHEN vacuum_due THEN 'VACUUM (ANALYZE) ' ELSE 'ANALYZE ' END || name
            FROM t
            WHERE vacuum_due OR analyze_due""";

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

    /**
     * If autovacuum is off, starts doing its work until closed: every {@code autovacuum_naptime} (the server's
     * setting), the tables past its thresholds are vacuumed or analyzed, one after the other, as one autovacuum
     * worker would. A catch-up of millions of events updates the read model's rows millions of times; without this,
     * the indexes it leaves behind hold mostly dead entries (a partial index of 1,147 cases grew to 62 MB at 10^7
     * events), which a server with autovacuum would have kept in check while the catch-up ran.
     */
    Worker whileCatchingUp() throws SQLException {
        Duration naptime;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT setting::int FROM pg_settings WHERE name = 'autovacuum_naptime'")) {
            row.next();
            naptime = Duration.ofSeconds(row.getInt(1));
        }
        return new Worker(needed ? naptime : null);
    }

    /** The stand-in's work while it ran: passes that found a table due, statements and their time. */
    final class Worker implements AutoCloseable {

        private final ScheduledExecutorService timer;
        private int passes;
        private int statements;
        private long nanos;

        private Worker(Duration naptime) {
            if (naptime == null) {
                timer = null;
                return;
            }
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "bench-autovacuum");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::pass, naptime.toMillis(), naptime.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void pass() {
            long started = System.nanoTime();
            try (Connection connection = database.connect()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    List<String> due = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery(DUE)) {
                        while (rows.next()) {
                            due.add(rows.getString(1));
                        }
                    }
                    for (String sql : due) {
                        statement.execute(sql);
                    }
                    synchronized (this) {
                        passes += due.isEmpty() ? 0 : 1;
                        statements += due.size();
                        nanos += due.isEmpty() ? 0 : System.nanoTime() - started;
                    }
                }
            } catch (SQLException e) {
                Bench.log("autovacuum stand-in: " + e.getMessage());
            }
        }

        /** What it did, for the report; empty if autovacuum is on, so that it did nothing. */
        synchronized Optional<String> summary() {
            if (timer == null) {
                return Optional.empty();
            }
            return Optional.of(String.format(Locale.ROOT, "%d passes, %d tables vacuumed or analyzed, "
                    + "%.1f s", passes, statements, nanos / 1e9));
        }

        @Override
        public void close() throws InterruptedException {
            if (timer != null) {
                timer.shutdown();
                // A pass under way finishes: the next step should not measure a VACUUM running beside it.
                timer.awaitTermination(30, TimeUnit.MINUTES);
            }
        }
    }
}
