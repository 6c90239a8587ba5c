package cn.gov.lvliang.ledger.query.audit;

import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.LISHI;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.assigned;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.beijing;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.duplicate;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.named;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.newId;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.overdue;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recorded;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.verified;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.query.fundraising.ClueStatus;
import cn.gov.lvliang.ledger.query.fundraising.FundraisingScenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The as-of fold of a risk clue: the clue as its own events make it, at every step of its life. */
class RiskClueStateTest {

    final FundraisingScenario scenario = new FundraisingScenario();

    @Test
    void everyPermittedEventType_hasItsKind() {
        List<Class<?>> kinds = Arrays.stream(RiskClueEventKind.values()).<Class<?>>map(RiskClueEventKind::type)
                .toList();

        assertThat(kinds).containsExactlyInAnyOrder(RiskClueEvent.class.getPermittedSubclasses());
    }

    @Test
    void clueTakenIntoACase_hasEverythingItsEventsSaid_andItsRewardInExactYuan() {
        RiskClueState l1 = RiskClueState.fold(clue(scenario.l1));

        assertThat(l1.clueId()).isEqualTo(scenario.l1);
        assertThat(l1.source()).isEqualTo(ClueSource.PUBLIC_REPORT);
        assertThat(l1.keyArea()).isEqualTo(KeyArea.ELDERLY_CARE);
        assertThat(l1.subjectName()).isEqualTo("吕梁康养服务有限公司");
        assertThat(l1.estimatedAmountFen()).isEqualTo(100_000_000L);
        assertThat(l1.estimatedAmountYuan()).isEqualTo(new BigDecimal("1000000.00"));
        assertThat(l1.recordedAt()).isEqualTo(beijing("2025-01-01T00:30"));
        assertThat(l1.assignedUnit()).isEqualTo("141102_MARKET_REGULATION");
        assertThat(l1.assignedBy()).isEqualTo("141102_GOV_OFFICE");
        assertThat(l1.assignments()).isEqualTo(1);
        assertThat(l1.verificationDueDate()).isEqualTo(LocalDate.of(2025, 1, 23));
        assertThat(l1.outcome()).isEqualTo(VerificationOutcome.RISK_CONFIRMED);
        assertThat(l1.status()).isEqualTo(ClueStatus.IN_CASE);
        assertThat(l1.caseId()).isEqualTo(scenario.c1);
        assertThat(l1.endedAt()).isEqualTo(beijing("2025-01-15T10:00"));
        assertThat(l1.rewarded()).isTrue();
        assertThat(l1.rewardYuan()).isEqualTo(new BigDecimal("2000.00"));
        assertThat(l1.reported()).isTrue();
        assertThat(l1.reporterAnonymous()).isTrue();
    }

    @Test
    void eachPrefixOfTheHistory_isTheClueAtThatStep() {
        List<RiskClueEvent> l1 = clue(scenario.l1);

        assertThat(RiskClueState.fold(l1.subList(0, 1)).status()).isEqualTo(ClueStatus.RECORDED);
        assertThat(RiskClueState.fold(l1.subList(0, 2)).status()).isEqualTo(ClueStatus.VERIFYING);
        RiskClueState verified = RiskClueState.fold(l1.subList(0, 3));
        assertThat(verified.status()).isEqualTo(ClueStatus.AWAITING_CASE);
        assertThat(verified.endedAt()).as("a risk leaves the clue open for a case").isNull();
        assertThat(verified.caseId()).isNull();
        assertThat(RiskClueState.fold(l1.subList(0, 4)).rewarded()).isFalse();
    }

    @Test
    void aPassedDueDate_staysOnRecord_afterNoRiskAndAfterAnotherAssignment() {
        RiskClueState l2 = RiskClueState.fold(clue(scenario.l2));

        assertThat(l2.status()).isEqualTo(ClueStatus.NO_RISK);
        assertThat(l2.overdue()).isTrue();
        assertThat(l2.overdueDueDate()).isEqualTo(LocalDate.of(2025, 1, 27));
        assertThat(l2.overdueAt()).isEqualTo(beijing("2025-01-28T00:00"));
        assertThat(l2.endedAt()).isEqualTo(beijing("2025-02-03T10:00"));

        String clueId = newId();
        RiskClueState reassigned = RiskClueState.fold(List.of(
                recorded(clueId, LISHI, ClueSource.GRID_WORKER, KeyArea.OTHER, "离石某合作社", null, null,
                        beijing("2025-03-03T09:00")),
                assigned(clueId, LISHI, LocalDate.of(2025, 3, 24), beijing("2025-03-03T10:00")),
                overdue(clueId, LISHI, LocalDate.of(2025, 3, 24)),
                assigned(clueId, LISHI, LocalDate.of(2025, 4, 15), beijing("2025-03-26T10:00"))));
        assertThat(reassigned.status()).isEqualTo(ClueStatus.VERIFYING);
        assertThat(reassigned.assignments()).isEqualTo(2);
        assertThat(reassigned.verificationDueDate()).isEqualTo(LocalDate.of(2025, 4, 15));
        assertThat(reassigned.overdue()).isTrue();
    }

    @Test
    void duplicate_endsTheClue() {
        RiskClueState l6 = RiskClueState.fold(clue(scenario.l6));

        assertThat(l6.status()).isEqualTo(ClueStatus.DUPLICATE);
        assertThat(l6.duplicateOf()).isEqualTo(scenario.l1);
        assertThat(l6.markedDuplicateBy()).isEqualTo("141102_GOV_OFFICE");
        assertThat(l6.endedAt()).isEqualTo(beijing("2025-02-16T10:00"));
    }

    @Test
    void theReporter_isKnownOnlyToExist_neverByHandleOrContact() throws Exception {
        String clueId = newId();
        RiskClueState state = RiskClueState.fold(List.of(recorded(clueId, LISHI, ClueSource.PUBLIC_REPORT,
                KeyArea.ELDERLY_CARE, "离石某养老院", null, named(), beijing("2025-03-03T09:00"))));

        String json = new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsString(state);

        assertThat(state.reported()).isTrue();
        assertThat(state.reporterAnonymous()).isFalse();
        assertThat(json).doesNotContain(named().handle()).doesNotContain(named().contact());
    }

    @Test
    void eventsBeforeTheRecording_andASecondRecording_areLeftAlone() {
        String clueId = newId();
        RiskClueState state = RiskClueState.fold(List.of(
                verified(clueId, LISHI, VerificationOutcome.NO_RISK, beijing("2025-03-02T10:00")),
                recorded(clueId, LISHI, ClueSource.ONLINE_MONITORING, KeyArea.BLOCKCHAIN, "离石区块通科技有限公司", null,
                        null, beijing("2025-03-03T09:00")),
                recorded(clueId, LISHI, ClueSource.GRID_WORKER, KeyArea.OTHER, "另一主体", null, null,
                        beijing("2025-03-04T09:00")),
                duplicate(clueId, newId(), LISHI, beijing("2025-03-05T09:00"))));

        assertThat(state.source()).isEqualTo(ClueSource.ONLINE_MONITORING);
        assertThat(state.recordedAt()).isEqualTo(beijing("2025-03-03T09:00"));
        assertThat(state.outcome()).isNull();
        assertThat(state.status()).isEqualTo(ClueStatus.DUPLICATE);
    }

    @Test
    void fold_isAFunctionOfItsEventsOnly() {
        List<RiskClueEvent> events = new ArrayList<>(clue(scenario.l1));
        List<RiskClueEvent> copy = List.copyOf(events);

        assertThat(RiskClueState.fold(events)).isEqualTo(RiskClueState.fold(events));
        assertThat(events).isEqualTo(copy);
        assertThat(RiskClueState.fold(List.of()).status()).isNull();
    }

    /** The scenario's events of one clue, in order. */
    private List<RiskClueEvent> clue(String clueId) {
        return scenario.clues().stream()
                .map(RiskClueEvent.class::cast)
                .filter(event -> event.clueId().equals(clueId))
                .toList();
    }
}
