package cn.gov.lvliang.ledger.command.bundle;

import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.DeadlinePolicy;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.reference.UnitDirectory;
import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseItem;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.SubmitBundleCaseCommand;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * Ids, sample data and a ready fixture for bundle-case tests. The sample case is 灵活就业 (2024-13, led by 市人社局,
 * six items, the default limit of five working days) submitted at the Lishi hall on Monday 2024-09-02.
 */
final class BundleCaseTestData {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    static final BundleCatalog CATALOG = new BundleCatalog(MAPPER);
    static final ReferenceData REFERENCE = new ReferenceData(MAPPER);
    static final UnitDirectory UNITS = new UnitDirectory(REFERENCE);
    static final WorkingCalendar CALENDAR = WorkingCalendar.load(MAPPER);
    static final TimeLimits LIMITS = new TimeLimits(5, 3, 1, Map.of("2024-01", 1), Map.of());
    /** The server's "now" in these tests: the case's history is back-dated to before it. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-10-31T00:00:00Z"), ZoneOffset.UTC);
    static final BusinessTimePolicy BUSINESS_TIME = new BusinessTimePolicy(CLOCK,
            new BusinessTimePolicy.Limits(Instant.parse("2023-12-31T16:00:00Z"), Duration.ofMinutes(5)));
    /** Deadlines are set while the story happens (the fixture's time), so each fires at its due moment. */
    static final DeadlinePolicy DEADLINES = new DeadlinePolicy(
            Clock.fixed(Instant.parse("2024-09-01T00:00:00Z"), ZoneOffset.UTC),
            new DeadlinePolicy.Settings(Duration.ZERO));

    static final String CASE_ID = "case-0001";
    static final String FLEXIBLE_EMPLOYMENT = "2024-13";
    static final String LISHI = "141102";
    static final String LISHI_HALL = "141102-HALL";
    static final String FENYANG_HALL = "141182-HALL";
    static final String LISHI_ONE_THING_WINDOW = "141102-HALL-W04";
    static final String CITY_HRSS = "CITY_HRSS";
    static final String LISHI_HRSS = "141102_HRSS";
    static final String FENYANG_HRSS = "141182_HRSS";
    static final String CITY_MEDICAL_SECURITY = "CITY_MEDICAL_SECURITY";
    static final String CITY_APPROVAL = "CITY_APPROVAL";
    /** Monday 2024-09-02, 09:30 in Beijing. */
    static final Instant MONDAY = Instant.parse("2024-09-02T01:30:00Z");
    static final Applicant PERSON =
            new Applicant(ApplicantKind.PERSON, "张三", "141102199001011234", "13800000000");

    private BundleCaseTestData() {
    }

    static AggregateTestFixture<BundleCase> fixture() {
        AggregateTestFixture<BundleCase> fixture = new AggregateTestFixture<>(BundleCase.class);
        fixture.registerInjectableResource(CATALOG);
        fixture.registerInjectableResource(REFERENCE);
        fixture.registerInjectableResource(UNITS);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerInjectableResource(LIMITS);
        fixture.registerInjectableResource(BUSINESS_TIME);
        fixture.registerInjectableResource(DEADLINES);
        return fixture;
    }

    /** Business time {@code days} calendar days and {@code hours} hours after the Monday submission. */
    static Instant at(int days, int hours) {
        return MONDAY.plus(Duration.ofDays(days)).plus(Duration.ofHours(hours));
    }

    static SubmitBundleCaseCommand submitAtWindow(String bundleCode) {
        return new SubmitBundleCaseCommand(CASE_ID, bundleCode, CATALOG.version(), PERSON, LISHI, LISHI_HALL,
                Channel.WINDOW, LISHI_ONE_THING_WINDOW, MONDAY);
    }

    static SubmitBundleCaseCommand submitOnline() {
        return new SubmitBundleCaseCommand(CASE_ID, FLEXIBLE_EMPLOYMENT, CATALOG.version(), PERSON, LISHI, null,
                Channel.ONLINE_PLATFORM, null, MONDAY);
    }

    static BundleCaseSubmittedEvent submittedOnline() {
        return new BundleCaseSubmittedEvent(CASE_ID, FLEXIBLE_EMPLOYMENT, CATALOG.version(), CITY_HRSS,
                flexibleEmploymentItems(), PERSON, LISHI, null, Channel.ONLINE_PLATFORM, null, MONDAY);
    }

    /** The six items of 灵活就业 with their responsible units, as catalog version 1 prints them. */
    static List<CaseItem> flexibleEmploymentItems() {
        return List.of(
                new CaseItem(1, "《创业就业证》申领-就业登记", CITY_HRSS),
                new CaseItem(2, "档案的接收和转递", CITY_HRSS),
                new CaseItem(3, "灵活就业人员参加养老保险登记", CITY_HRSS),
                new CaseItem(4, "基本医疗保险参保登记和变更登记", CITY_MEDICAL_SECURITY),
                new CaseItem(5, "公积金缴存业务-灵活就业人员个人账户设立", "CITY_HOUSING_FUND"),
                new CaseItem(6, "灵活就业人员社会保险费申报", "CITY_TAX"));
    }
}
