package cn.gov.lvliang.ledger.query.audit;

import static cn.gov.lvliang.ledger.query.audit.CaseHistories.newCaseId;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.fundraising.CampaignCalendarPublishedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import cn.gov.lvliang.ledger.query.fundraising.FundraisingScenario;
import cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A case's kind, read from its events: which fold makes its state, and where its events keep their business time. */
class CaseKindTest {

    static final Instant RECORDED = Instant.parse("2025-04-01T00:00:00Z");

    final FundraisingScenario scenario = new FundraisingScenario();

    @Test
    void eachKind_isKnownByItsEvents_andFoldsThemIntoItsState() {
        List<TimelineEvent> bundle = timeline(submitted(newCaseId(), "CITY_APPROVAL"));
        List<TimelineEvent> clue = timeline(scenario.clues().get(0));
        List<TimelineEvent> disposal = timeline(scenario.c1().toArray());

        assertThat(CaseKind.of(bundle)).contains(CaseKind.BUNDLE_CASE);
        assertThat(CaseKind.of(clue)).contains(CaseKind.RISK_CLUE);
        assertThat(CaseKind.of(disposal)).contains(CaseKind.DISPOSAL_CASE);
        assertThat(CaseKind.BUNDLE_CASE.fold(bundle)).isInstanceOf(BundleCaseState.class);
        assertThat(CaseKind.RISK_CLUE.fold(clue)).isEqualTo(RiskClueState.fold(List.of(
                (RiskClueEvent) scenario.clues().get(0))));
        assertThat(CaseKind.DISPOSAL_CASE.fold(disposal)).isEqualTo(DisposalCaseState.fold(
                scenario.c1().stream().map(DisposalCaseEvent.class::cast).toList()));
    }

    @Test
    void eventsOfNoKind_orOfTwoKinds_haveNone() {
        Object calendar = FundraisingTestData.calendar(1);

        assertThat(CaseKind.ofEvent(calendar)).isEmpty();
        assertThat(CaseKind.of(timeline(calendar))).isEmpty();
        assertThat(CaseKind.of(timeline(scenario.clues().get(0), scenario.c1().get(0)))).isEmpty();
    }

    @Test
    void businessTime_isTheEventsOwn() {
        RiskClueEvent recorded = (RiskClueEvent) scenario.clues().get(0);
        CampaignCalendarPublishedEvent calendar = FundraisingTestData.calendar(1);

        assertThat(CaseKind.ofEvent(recorded).map(kind -> kind.businessTime(recorded)))
                .contains(FundraisingTestData.beijing("2025-01-01T00:30"));
        assertThat(CaseKind.ofEvent(calendar)).as("the timeline falls back to the recorded time").isEmpty();
    }

    /** The events as the timeline hands them out, numbered from 0. */
    private static List<TimelineEvent> timeline(Object... payloads) {
        return IntStream.range(0, payloads.length)
                .mapToObj(sequence -> new TimelineEvent(sequence, payloads[sequence].getClass().getSimpleName(),
                        RECORDED, RECORDED, payloads[sequence]))
                .toList();
    }
}
