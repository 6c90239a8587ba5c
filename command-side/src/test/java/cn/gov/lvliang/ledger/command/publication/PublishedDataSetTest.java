package cn.gov.lvliang.ledger.command.publication;

import cn.gov.lvliang.ledger.command.fundraising.CampaignCalendar;
import cn.gov.lvliang.ledger.command.infra.CaseStateException;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.scoring.Rubrics;
import cn.gov.lvliang.ledger.events.catalog.BundleCatalogPublishedEvent;
import cn.gov.lvliang.ledger.events.catalog.BundleMark;
import cn.gov.lvliang.ledger.events.catalog.BundleSubject;
import cn.gov.lvliang.ledger.events.catalog.CatalogBundle;
import cn.gov.lvliang.ledger.events.catalog.CatalogItem;
import cn.gov.lvliang.ledger.events.catalog.PublishBundleCatalogCommand;
import cn.gov.lvliang.ledger.events.fundraising.CampaignCalendarPublishedEvent;
import cn.gov.lvliang.ledger.events.fundraising.PublishCampaignCalendarCommand;
import cn.gov.lvliang.ledger.events.scoring.PublishScoringRubricCommand;
import cn.gov.lvliang.ledger.events.scoring.ScoringRubricPublishedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PublishedDataSetTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final String ID = BundleCatalogPublishedEvent.CATALOG_ID;
    private static final Instant NOW = Instant.parse("2024-08-07T00:00:00Z");
    private static final List<CatalogBundle> BUNDLES = List.of(new CatalogBundle("2024-01", 1, "企业开办",
            BundleMark.PROVINCIAL, 2024, BundleSubject.ENTERPRISE, "市行政审批局",
            List.of(new CatalogItem(1, "企业设立登记", "市行政审批局", List.of()))));

    private AggregateTestFixture<PublishedDataSet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PublishedDataSet.class);
    }

    private static PublishBundleCatalogCommand publish(int version, String hash) {
        return new PublishBundleCatalogCommand(ID, version, hash, "清单", "吕政发〔2024〕9号 附件", BUNDLES, NOW);
    }

    private static BundleCatalogPublishedEvent published(int version, String hash) {
        return new BundleCatalogPublishedEvent(ID, version, hash, "清单", "吕政发〔2024〕9号 附件", BUNDLES, NOW);
    }

    @Test
    void firstVersion_isPublished() {
        fixture.givenNoPriorActivity()
                .when(publish(1, "aa"))
                .expectEvents(published(1, "aa"))
                .expectResultMessagePayload(true);
    }

    @Test
    void sameVersionWithSameContent_changesNothing() {
        fixture.given(published(1, "aa"))
                .when(publish(1, "aa"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void sameVersionWithOtherContent_isRefused_becauseAVersionIsNeverEdited() {
        fixture.given(published(1, "aa"))
                .when(publish(1, "bb"))
                .expectNoEvents()
                .expectException(CaseStateException.class);
    }

    @Test
    void newerVersion_isPublishedBesideTheOld() {
        fixture.given(published(1, "aa"))
                .when(publish(2, "bb"))
                .expectEvents(published(2, "bb"));
    }

    @Test
    void olderVersion_isRefused() {
        fixture.given(published(2, "bb"))
                .when(publish(1, "aa"))
                .expectNoEvents()
                .expectException(CaseStateException.class);
    }

    @Nested
    class CampaignCalendarPublication {

        private final CampaignCalendar calendar = new CampaignCalendar(MAPPER, new ReferenceData(MAPPER));
        private final AggregateTestFixture<PublishedDataSet> calendarFixture =
                new AggregateTestFixture<>(PublishedDataSet.class);

        private CampaignCalendarPublishedEvent published(PublishCampaignCalendarCommand command) {
            return new CampaignCalendarPublishedEvent(command.calendarId(), command.version(), command.contentHash(),
                    command.source(), command.campaignFrom(), command.campaignTo(), command.phases(),
                    command.reportingDeadlines(), command.tables(), command.businessTime());
        }

        @Test
        void theFirstVersion_isPublishedWithItsContentHash() {
            PublishCampaignCalendarCommand command = calendar.publishCommand(NOW);
            calendarFixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(published(command))
                    .expectResultMessagePayload(true);
        }

        @Test
        void theSameVersionAgain_changesNothing() {
            PublishCampaignCalendarCommand command = calendar.publishCommand(NOW);
            calendarFixture.given(published(command))
                    .when(calendar.publishCommand(NOW.plusSeconds(60)))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void theSameVersionWithOtherContent_isRefused() {
            PublishCampaignCalendarCommand command = calendar.publishCommand(NOW);
            PublishCampaignCalendarCommand edited = new PublishCampaignCalendarCommand(command.calendarId(),
                    command.version(), "0000", command.source(), command.campaignFrom(), command.campaignTo(),
                    command.phases(), command.reportingDeadlines(), command.tables(), NOW);
            calendarFixture.given(published(command))
                    .when(edited)
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }
    }

    @Nested
    class ScoringRubricPublication {

        private final Rubrics rubrics = new Rubrics(MAPPER, new CampaignCalendar(MAPPER, new ReferenceData(MAPPER)));
        private final AggregateTestFixture<PublishedDataSet> rubricFixture =
                new AggregateTestFixture<>(PublishedDataSet.class);

        private ScoringRubricPublishedEvent published(PublishScoringRubricCommand command) {
            return new ScoringRubricPublishedEvent(command.rubricId(), command.version(), command.contentHash(),
                    command.name(), command.source(), command.indicators(), command.penalties(),
                    command.businessTime());
        }

        private PublishScoringRubricCommand version(int version, String hash) {
            PublishScoringRubricCommand first = rubrics.publishCommand(1, NOW);
            return new PublishScoringRubricCommand(first.rubricId(), version, hash, first.name(), first.source(),
                    first.indicators(), first.penalties(), NOW);
        }

        @Test
        void theFirstVersion_isPublishedWithItsIndicatorsAndContentHash() {
            PublishScoringRubricCommand command = rubrics.publishCommand(1, NOW);
            rubricFixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(published(command))
                    .expectResultMessagePayload(true);
        }

        @Test
        void theSameVersionAgain_changesNothing_soEveryNodePublishesAtStartUp() {
            PublishScoringRubricCommand command = rubrics.publishCommand(1, NOW);
            rubricFixture.given(published(command))
                    .when(rubrics.publishCommand(1, NOW.plusSeconds(60)))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void aNewVersion_isANewEvent_andTheOldOneStays() {
            rubricFixture.given(published(version(1, "aa")))
                    .when(version(2, "bb"))
                    .expectEvents(published(version(2, "bb")))
                    .expectResultMessagePayload(true);
        }

        @Test
        void anEditedVersion_isRefused() {
            rubricFixture.given(published(version(1, "aa")))
                    .when(version(1, "cc"))
                    .expectNoEvents()
                    .expectException(CaseStateException.class);
        }
    }
}
