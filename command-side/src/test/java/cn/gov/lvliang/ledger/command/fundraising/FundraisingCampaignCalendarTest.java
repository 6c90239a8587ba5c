package cn.gov.lvliang.ledger.command.fundraising;

import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.CALENDAR;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.MAPPER;
import static cn.gov.lvliang.ledger.command.fundraising.FundraisingTestData.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.lvliang.ledger.events.fundraising.CampaignPhase;
import cn.gov.lvliang.ledger.events.fundraising.ReportingDeadline;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The campaign calendar's data file; its publication is tested with the other data sets in PublishedDataSetTest. */
class FundraisingCampaignCalendarTest {

    private final CampaignCalendar calendar = new CampaignCalendar(MAPPER, REFERENCE);

    @Nested
    class TheDataFile {

        @Test
        void holdsTheFivePhasesOfThePlan_withTheirPrintedMonths() {
            assertThat(calendar.phases()).extracting(CampaignPhase::code, CampaignPhase::from, CampaignPhase::to)
                    .containsExactly(
                            tuple("DEPLOYMENT", LocalDate.parse("2024-06-01"),
                                    LocalDate.parse("2024-06-30")),
                            tuple("RISK_SCREENING", LocalDate.parse("2024-07-01"),
                                    LocalDate.parse("2024-08-31")),
                            tuple("CRACKDOWN_AND_DISPOSAL", LocalDate.parse("2024-09-01"),
                                    LocalDate.parse("2025-12-31")),
                            tuple("RULE_BUILDING", LocalDate.parse("2024-10-01"),
                                    LocalDate.parse("2025-12-31")),
                            tuple("CONSOLIDATION", LocalDate.parse("2025-06-01"),
                                    LocalDate.parse("2025-12-31")));
        }

        @Test
        void holdsThePrintedDeadlines_andTheHalfYearlyOnesTheLedgerChose() {
            assertThat(calendar.reportingDeadlines())
                    .extracting(ReportingDeadline::code, ReportingDeadline::dueDate, ReportingDeadline::datePrinted)
                    .containsExactly(
                            tuple("WORK_PLAN", LocalDate.parse("2024-07-15"), true),
                            tuple("PROGRESS_2024_H2", LocalDate.parse("2025-01-15"), false),
                            tuple("PROGRESS_2025_H1", LocalDate.parse("2025-07-15"), false),
                            tuple("FINAL_SUMMARY", LocalDate.parse("2025-11-21"), true));
        }

        @Test
        void everyDeadline_fallsOnAWorkingDay() {
            for (ReportingDeadline deadline : calendar.reportingDeadlines()) {
                // Adding zero working days gives the day itself when it is worked, else the next working day.
                assertThat(CALENDAR.addWorkingDays(deadline.dueDate(), 0)).as(deadline.code())
                        .isEqualTo(deadline.dueDate());
            }
        }
    }
}
