package cn.gov.lvliang.ledger.query.reference;

import static cn.gov.lvliang.ledger.events.reference.ReferenceDataPublishedEvent.REFERENCE_ID;

import cn.gov.lvliang.ledger.events.reference.Division;
import cn.gov.lvliang.ledger.events.reference.DivisionKind;
import cn.gov.lvliang.ledger.events.reference.GovernmentUnit;
import cn.gov.lvliang.ledger.events.reference.ReferenceDataPublishedEvent;
import cn.gov.lvliang.ledger.events.reference.ServiceHall;
import cn.gov.lvliang.ledger.events.reference.ServiceWindow;
import cn.gov.lvliang.ledger.events.reference.UnitLevel;
import cn.gov.lvliang.ledger.events.reference.WindowKind;
import cn.gov.lvliang.ledger.query.support.Feed;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small cut of Lvliang's reference data, with the real codes and names, so that what tests publish into the
 * shared test database never contradicts the real data.
 */
public final class ReferenceTestData {

    /** The version tests publish on the shared database: far above any real version, so it wins there. */
    public static final int TEST_VERSION = 900;
    public static final Instant PUBLISHED = Instant.parse("2025-01-02T00:00:00Z");

    private ReferenceTestData() {
    }

    public static ReferenceDataPublishedEvent lvliang(int version) {
        return new ReferenceDataPublishedEvent(REFERENCE_ID, version, "sha256-test-" + version,
                List.of(
                        new Division("141102", "离石区", "离石", DivisionKind.DISTRICT),
                        new Division("141121", "文水县", "文水", DivisionKind.COUNTY),
                        new Division("1411KF", "吕梁经济技术开发区", "吕梁经开区", DivisionKind.DEV_ZONE)),
                List.of(
                        new GovernmentUnit("CITY_APPROVAL", "市行政审批局", UnitLevel.CITY, null, null,
                                List.of("市审批局", "吕梁市行政审批服务管理局")),
                        new GovernmentUnit("CITY_POLICE", "市公安局", UnitLevel.CITY, null, null, List.of()),
                        new GovernmentUnit("CITY_TAX", "市税务局", UnitLevel.CITY, null, null, List.of()),
                        new GovernmentUnit("CITY_HRSS", "市人社局", UnitLevel.CITY, null, null, List.of()),
                        new GovernmentUnit("141102_APPROVAL", "离石区行政审批局", UnitLevel.COUNTY, "141102",
                                "CITY_APPROVAL", List.of())),
                List.of(
                        new ServiceHall("CITY-HALL", "吕梁市政务服务中心", null, List.of(
                                new ServiceWindow("CITY-HALL-W01", "综窗服务区", WindowKind.COMPREHENSIVE),
                                new ServiceWindow("CITY-HALL-W09", "全市通办专窗", WindowKind.CITY_WIDE),
                                new ServiceWindow("CITY-HALL-W10", "高效办成一件事专窗", WindowKind.ONE_THING))),
                        new ServiceHall("141102-HALL", "离石区政务服务中心", "141102", List.of(
                                new ServiceWindow("141102-HALL-W04", "高效办成一件事专窗", WindowKind.ONE_THING),
                                new ServiceWindow("141102-HALL-W05", "“办不成事”反映窗口",
                                        WindowKind.UNRESOLVED_MATTERS))),
                        new ServiceHall("141121-HALL", "文水县政务服务中心", "141121", List.of(
                                new ServiceWindow("141121-HALL-W01", "综窗服务区", WindowKind.COMPREHENSIVE)))),
                PUBLISHED);
    }

    /** Publishes {@link #TEST_VERSION} into a reference read model on the given database, outside Spring. */
    public static void publish(JdbcClient jdbc) {
        Feed.into(new ReferenceDataProjection(jdbc)).event(lvliang(TEST_VERSION), PUBLISHED);
    }

    /** Publishes {@link #TEST_VERSION} into the context's reference read model; nothing happens if it is there. */
    public static void publish(ApplicationContext context) {
        Feed.into(context.getBean(ReferenceDataProjection.class)).event(lvliang(TEST_VERSION), PUBLISHED);
    }
}
