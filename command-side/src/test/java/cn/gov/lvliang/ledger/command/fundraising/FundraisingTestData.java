package cn.gov.lvliang.ledger.command.fundraising;

import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.DeadlinePolicy;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.reference.UnitDirectory;
import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseOpenedEvent;
import cn.gov.lvliang.ledger.events.fundraising.FundraisingSubject;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.OpenDisposalCaseCommand;
import cn.gov.lvliang.ledger.events.fundraising.RecordRiskClueCommand;
import cn.gov.lvliang.ledger.events.fundraising.Reporter;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * Ids, sample data and ready fixtures for the fundraising tests. The sample clue is a public report about an
 * elderly-care company in Liulin (柳林县, 141125), recorded on Monday 2025-03-03 at 09:30 in Beijing; the sample case is
 * opened from it and handled by Liulin's government office as the county lead department.
 */
final class FundraisingTestData {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    static final ReferenceData REFERENCE = new ReferenceData(MAPPER);
    static final UnitDirectory UNITS = new UnitDirectory(REFERENCE);
    static final FundraisingRoles ROLES = new FundraisingRoles(REFERENCE, UNITS);
    static final WorkingCalendar CALENDAR = WorkingCalendar.load(MAPPER);
    /** 15 working days to verify; major from 5,000,000 yuan (500,000,000 fen) or 500 participants. */
    static final FundraisingSettings SETTINGS = new FundraisingSettings(
            new FundraisingSettings.ClueVerification(15),
            new FundraisingSettings.Escalation(new BigDecimal("5000000"), 500));
    static final long THRESHOLD_FEN = 500_000_000L;
    /** The server's "now" in these tests: the history is back-dated to before it. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-31T00:00:00Z"), ZoneOffset.UTC);
    static final BusinessTimePolicy BUSINESS_TIME = new BusinessTimePolicy(CLOCK,
            new BusinessTimePolicy.Limits(Instant.parse("2023-12-31T16:00:00Z"), Duration.ofMinutes(5)));
    /** Deadlines are set while the story happens (the fixture's time), so each fires at its due moment. */
    static final DeadlinePolicy DEADLINES = new DeadlinePolicy(
            Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC),
            new DeadlinePolicy.Settings(Duration.ZERO));
    /** Answers as the event store would for the ids these tests use. */
    static final LedgerLookup LEDGER = new LedgerLookup() {
        @Override
        public boolean isRiskClue(String id) {
            return id != null && id.startsWith("clue-");
        }

        @Override
        public boolean isDisposalCase(String id) {
            return id != null && (id.startsWith("case-") || id.startsWith("legacy-"));
        }
    };

    static final String CLUE_ID = "clue-0001";
    static final String CASE_ID = "case-0001";
    static final String LIULIN = "141125";
    static final String LIULIN_LEAD = "141125_GOV_OFFICE";
    static final String LIULIN_MARKET_REGULATION = "141125_MARKET_REGULATION";
    static final String LIULIN_POLICE = "141125_POLICE";
    static final String LIULIN_PETITIONS = "141125_PETITIONS";
    static final String FENYANG_LEAD = "141182_GOV_OFFICE";
    static final String CITY_LEAD = "CITY_GOV_OFFICE";
    static final String CITY_MARKET_REGULATION = "CITY_MARKET_REGULATION";
    static final String CITY_PROCURATORATE = "CITY_PROCURATORATE";
    static final String CITY_COURT = "CITY_COURT";
    static final String CITY_POLITICAL_LEGAL = "CITY_POLITICAL_LEGAL";
    /** Monday 2025-03-03, 09:30 in Beijing. */
    static final Instant MONDAY = Instant.parse("2025-03-03T01:30:00Z");
    static final FundraisingSubject COMPANY = new FundraisingSubject(SubjectKind.ENTERPRISE, "柳林县某某养老服务有限公司",
            "91141125MA0K1234XY");
    static final Reporter ANONYMOUS = new Reporter(true, "SXFJ-2025-0303-0042", null);
    static final Reporter NAMED = new Reporter(false, "SXFJ-2025-0303-0043", "13800000000");

    private FundraisingTestData() {
    }

    /** Business time {@code days} calendar days and {@code hours} hours after the Monday. */
    static Instant at(int days, int hours) {
        return MONDAY.plus(Duration.ofDays(days)).plus(Duration.ofHours(hours));
    }

    static AggregateTestFixture<RiskClue> clueFixture() {
        AggregateTestFixture<RiskClue> fixture = new AggregateTestFixture<>(RiskClue.class);
        fixture.registerInjectableResource(ROLES);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerInjectableResource(SETTINGS);
        fixture.registerInjectableResource(BUSINESS_TIME);
        fixture.registerInjectableResource(DEADLINES);
        fixture.registerInjectableResource(LEDGER);
        return fixture;
    }

    static AggregateTestFixture<DisposalCase> caseFixture(ClueLinks clueLinks) {
        return caseFixture(clueLinks, SETTINGS);
    }

    static AggregateTestFixture<DisposalCase> caseFixture(ClueLinks clueLinks, FundraisingSettings settings) {
        AggregateTestFixture<DisposalCase> fixture = new AggregateTestFixture<>(DisposalCase.class);
        fixture.registerInjectableResource(ROLES);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerInjectableResource(settings);
        fixture.registerInjectableResource(BUSINESS_TIME);
        fixture.registerInjectableResource(LEDGER);
        fixture.registerInjectableResource(clueLinks);
        return fixture;
    }

    static RecordRiskClueCommand recordPublicReport(Reporter reporter) {
        return new RecordRiskClueCommand(CLUE_ID, LIULIN_LEAD, ClueSource.PUBLIC_REPORT, LIULIN, KeyArea.ELDERLY_CARE,
                COMPANY, "以养老床位预订为名承诺年化12%回报吸收老人资金", 240_000_050L, 180, reporter, MONDAY);
    }

    static RiskClueRecordedEvent publicReportRecorded(Reporter reporter) {
        return new RiskClueRecordedEvent(CLUE_ID, LIULIN_LEAD, ClueSource.PUBLIC_REPORT, LIULIN, KeyArea.ELDERLY_CARE,
                COMPANY, "以养老床位预订为名承诺年化12%回报吸收老人资金", 240_000_050L, 180, reporter, MONDAY);
    }

    /** Opened by Liulin's lead department from the sample clue, with the given estimates, on Monday 10:30. */
    static OpenDisposalCaseCommand open(Long amountFen, Integer participants) {
        return new OpenDisposalCaseCommand(CASE_ID, LIULIN_LEAD, LIULIN, "柳林县某某养老服务有限公司涉嫌非法集资案",
                COMPANY, KeyArea.ELDERLY_CARE, List.of(CLUE_ID), amountFen, participants, false, List.of(), at(0, 1));
    }

    static DisposalCaseOpenedEvent opened(Long amountFen, Integer participants) {
        return new DisposalCaseOpenedEvent(CASE_ID, LIULIN_LEAD, LIULIN, "柳林县某某养老服务有限公司涉嫌非法集资案",
                COMPANY, KeyArea.ELDERLY_CARE, List.of(CLUE_ID), amountFen, participants, false, List.of(), at(0, 1));
    }

    /** The sample case below the thresholds: 2,400,000.50 yuan from 180 participants. */
    static DisposalCaseOpenedEvent opened() {
        return opened(240_000_050L, 180);
    }

    /** Records which clues a case took, or refuses as a clue would. */
    static final class RecordingClueLinks implements ClueLinks {

        final List<String> taken = new ArrayList<>();
        RuntimeException refusal;

        @Override
        public void takeIntoCase(String caseId, List<String> clueIds, String actingUnit, Instant businessTime) {
            if (refusal != null) {
                throw refusal;
            }
            taken.addAll(clueIds);
        }
    }
}
