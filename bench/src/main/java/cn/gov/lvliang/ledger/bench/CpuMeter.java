package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.RawBaselines.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * CPU time spent by one process and by the PostgreSQL backends of the bench's database, from Linux's
 * {@code /proc/PID/stat}. On a machine shared with other work, wall time varies twofold from minute to minute; the
 * CPU a piece of work costs does not, so it tells whether a change made the work cheaper. Where {@code /proc} is not
 * readable (another OS, or PostgreSQL running as another user without access) it measures nothing and says so.
 */
final class CpuMeter {

    /** Linux's USER_HZ, the unit of {@code /proc/PID/stat}, is 100 on every common platform. */
    static final double TICKS_PER_SECOND = 100;

    private final LongSupplier processTicks;
    private final Database database;

    private CpuMeter(LongSupplier processTicks, Database database) {
        this.processTicks = processTicks;
        this.database = database;
    }

    /** Measures a running process, such as a side, and the database's backends, which its pool keeps open. */
    static CpuMeter ofProcess(long pid, Database database) {
        return new CpuMeter(() -> ticks(pid, 11), database);
    }

    /**
     * Measures the child processes this one has waited for, such as a standalone verifier once it has ended; the
     * backend of a child's connection has ended with it, so the database's share cannot be read.
     */
    static CpuMeter ofEndedChildren() {
        return new CpuMeter(() -> ticks(ProcessHandle.current().pid(), 13), null);
    }

    /** CPU ticks so far: the process's, and each backend's of the database (null where not measured). */
    record Snapshot(long process, Map<Long, Long> backends) {
    }

    Snapshot snapshot() throws SQLException {
        Map<Long, Long> backends = new HashMap<>();
        if (database == null) {
            return new Snapshot(processTicks.getAsLong(), null);
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = "
                     + "current_database() AND pid <> pg_backend_pid()")) {
            while (row.next()) {
                long ticks = ticks(row.getLong(1), 11);
                if (ticks >= 0) {
                    backends.put(row.getLong(1), ticks);
                }
            }
        }
        return new Snapshot(processTicks.getAsLong(), backends);
    }

    /** "CPU x.x s here + y.y s PostgreSQL" between two snapshots, or empty if nothing could be read. */
    static String between(Snapshot before, Snapshot after, String here) {
        double process = processSeconds(before, after);
        if (process < 0) {
            return "";
        }
        double database = databaseSeconds(before, after);
        return database < 0
                ? String.format(Locale.ROOT, "CPU %.1f s %s", process, here)
                : String.format(Locale.ROOT, "CPU %.1f s %s + %.1f s PostgreSQL", process, here, database);
    }

    /** CPU seconds of the process between two snapshots; negative if it could not be read. */
    static double processSeconds(Snapshot before, Snapshot after) {
        if (before.process() < 0 || after.process() < 0) {
            return -1;
        }
        return (after.process() - before.process()) / TICKS_PER_SECOND;
    }

    /** CPU seconds of the database's backends between two snapshots; negative if they were not measured. */
    static double databaseSeconds(Snapshot before, Snapshot after) {
        if (after.backends() == null || after.backends().isEmpty()) {
            return -1;
        }
        long backends = 0;
        for (Map.Entry<Long, Long> backend : after.backends().entrySet()) {
            backends += backend.getValue() - before.backends().getOrDefault(backend.getKey(), 0L);
        }
        return backends / TICKS_PER_SECOND;
    }

    /**
     * CPU ticks the whole machine has been busy (all cores: user, nice, system, irq, softirq and steal from the first
     * line of {@code /proc/stat}); -1 if it cannot be read.
     */
    static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[field]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Two adjacent fields of {@code /proc/PID/stat} (counted after the command name) added: from 11 utime + stime,
     * from 13 the same of the children waited for; -1 if they cannot be read.
     */
    private static long ticks(long pid, int field) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[field]) + Long.parseLong(fields[field + 1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
