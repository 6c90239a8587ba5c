package cn.gov.lvliang.ledger.events.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How periods and score cards are named: the codes the API, the links and the events use. */
class ScoringPeriodTest {

    @Test
    void eachCode_namesItsPeriod_withBothEndsIncluded() {
        assertPeriod("2025", PeriodKind.YEAR, "2025-01-01", "2025-12-31");
        assertPeriod("2025-H2", PeriodKind.HALF_YEAR, "2025-07-01", "2025-12-31");
        assertPeriod("2025-Q1", PeriodKind.QUARTER, "2025-01-01", "2025-03-31");
        assertPeriod("2024-02", PeriodKind.MONTH, "2024-02-01", "2024-02-29");
        assertThat(ScoringPeriod.parse(" 2025-Q4 ").code()).isEqualTo("2025-Q4");
    }

    @Test
    void aCodeThatNamesNoPeriod_isRefusedNamingTheField() {
        for (String code : new String[] {"2025-13", "2025-Q5", "2025-H3", "25", "2025Q1", "", null}) {
            assertThatThrownBy(() -> ScoringPeriod.parse(code)).as(code)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("period: ");
        }
    }

    @Test
    void aCard_isNamedBySubjectPeriodAndRubricVersion() {
        assertThat(ScoreCardIssuedEvent.cardId(ScoredSubjectKind.COUNTY, "141102", "2025-Q1", 1))
                .isEqualTo("score-card-county-141102-2025-Q1-r1");
        assertThat(ScoreCardIssuedEvent.cardId(ScoredSubjectKind.LEAD_UNIT, "CITY_HRSS", "2025", 2))
                .isEqualTo("score-card-lead-unit-CITY_HRSS-2025-r2");
    }

    private static void assertPeriod(String code, PeriodKind kind, String from, String to) {
        ScoringPeriod period = ScoringPeriod.parse(code);
        assertThat(period.kind()).isEqualTo(kind);
        assertThat(period.from()).isEqualTo(LocalDate.parse(from));
        assertThat(period.to()).isEqualTo(LocalDate.parse(to));
        assertThat(period.code()).isEqualTo(code);
    }
}
