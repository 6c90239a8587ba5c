package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.PeriodKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A month of the shared test database that no test has used for a county yet: no bundle case of the county was
 * submitted in it, and no score card was issued for it, in the read models or the event store. Tests that score a
 * county on the shared database take one, so that their figures are exactly their own however often the suite runs
 * against the same database. Months are taken from January 2000 on, long before any real fact.
 */
final class UnusedMonth {

    private UnusedMonth() {
    }

    static ScoringPeriod of(JdbcClient jdbc, String division) {
        for (int year = 2000; year < 2020; year++) {
            for (int month = 1; month <= 12; month++) {
                ScoringPeriod period = new ScoringPeriod(PeriodKind.MONTH, year, month);
                if (!used(jdbc, division, period)) {
                    return period;
                }
            }
        }
        throw new IllegalStateException("Every month from 2000 to 2019 is used in the test database");
    }

    private static boolean used(JdbcClient jdbc, String division, ScoringPeriod period) {
        long cases = jdbc.sql("""
                        SELECT COUNT(*) FROM bundle_case
                        WHERE division_code = :division AND submitted_at >= :start AND submitted_at < :end""")
                .param("division", division)
                .param("start", BusinessDay.startOf(period.from()).atOffset(ZoneOffset.UTC))
                .param("end", BusinessDay.startOf(period.to().plusDays(1)).atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
        long cards = jdbc.sql("SELECT COUNT(*) FROM score_card WHERE period = :period")
                .param("period", period.code())
                .query(Long.class)
                .single();
        long issued = jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier LIKE :id")
                .param("id", "score-card-%-" + period.code() + "-r%")
                .query(Long.class)
                .single();
        return cases + cards + issued > 0;
    }
}
