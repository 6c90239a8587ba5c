package cn.gov.lvliang.ledger.query.audit;

import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.LISHI;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.beijing;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.determined;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.followedUp;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.newId;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.opened;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recovered;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.revised;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.transferred;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.EscalationReason;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.PetitionOutcome;
import cn.gov.lvliang.ledger.query.audit.DisposalCaseState.Measure;
import cn.gov.lvliang.ledger.query.audit.DisposalCaseState.Milestone;
import cn.gov.lvliang.ledger.query.audit.DisposalCaseState.Province;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseStatus;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.AssetRecoveryView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.CriminalMilestoneView;
import cn.gov.lvliang.ledger.query.fundraising.FundraisingScenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The as-of fold of a disposal case: the case as its own events make it, at every step of its life. */
class DisposalCaseStateTest {

    final FundraisingScenario scenario = new FundraisingScenario();

    @Test
    void everyPermittedEventType_hasItsKind() {
        List<Class<?>> kinds = Arrays.stream(DisposalEventKind.values()).<Class<?>>map(DisposalEventKind::type)
                .toList();

        assertThat(kinds).containsExactlyInAnyOrder(DisposalCaseEvent.class.getPermittedSubclasses());
    }

    @Test
    void administrativeCase_hasItsDeterminationMeasuresExactMoneyAndPetition() {
        DisposalCaseState c1 = DisposalCaseState.fold(events(scenario.c1()));

        assertThat(c1.status()).isEqualTo(DisposalCaseStatus.DETERMINED);
        assertThat(c1.clueIds()).containsExactly(scenario.l1);
        assertThat(c1.determination().level()).isEqualTo(DeterminationLevel.COUNTY);
        assertThat(c1.determination().outcome()).isEqualTo(DeterminationOutcome.ILLEGAL_FUNDRAISING);
        assertThat(c1.measures()).extracting(Measure::measureId, Measure::completed)
                .containsExactly(tuple("M1", true), tuple("M2", false));
        assertThat(c1.measures().get(1).followUps()).isEqualTo(1);
        assertThat(c1.measures().get(1).amountYuan()).isEqualTo(new BigDecimal("400000.00"));
        assertThat(c1.measuresOrdered()).isEqualTo(2);
        assertThat(c1.measuresOpen()).isEqualTo(1);
        assertThat(c1.withPolice()).isFalse();
        assertThat(c1.money().estimatedAmountYuan()).isEqualTo(new BigDecimal("1200000.00"));
        assertThat(c1.money().recoveredYuan()).isEqualTo(new BigDecimal("400000.00"));
        assertThat(c1.money().claimsFen()).isEqualTo(40_000_000L);
        assertThat(c1.money().refundedYuan()).isEqualTo(new BigDecimal("120000.00"));
        assertThat(c1.money().participants()).isEqualTo(3);
        assertThat(c1.money().recoveryCoverage()).isEqualTo(new BigDecimal("0.3333"));
        assertThat(c1.money().refundOfRecovered()).isEqualTo(new BigDecimal("0.3000"));
        assertThat(c1.participantBatches()).isEqualTo(1);
        assertThat(c1.refundRounds().get(0).participantsPaid()).isEqualTo(3);
        assertThat(c1.petitions().get(0).handled()).isTrue();
        assertThat(c1.petitions().get(0).outcome()).isEqualTo(PetitionOutcome.ANSWERED);
        assertThat(c1.petitionsOpen()).isZero();
        assertThat(c1.petitioners()).isEqualTo(3);
    }

    @Test
    void eachPrefixOfTheHistory_isTheCaseAtThatStep() {
        List<DisposalCaseEvent> c1 = events(scenario.c1());

        DisposalCaseState opened = DisposalCaseState.fold(c1.subList(0, 1));
        DisposalCaseState recovered = DisposalCaseState.fold(c1.subList(0, 6));

        assertThat(opened.status()).isEqualTo(DisposalCaseStatus.OPEN);
        assertThat(opened.determination()).isNull();
        assertThat(opened.money().recoveredFen()).isZero();
        assertThat(opened.money().recoveryCoverage()).isEqualTo(new BigDecimal("0.0000"));
        assertThat(recovered.status()).isEqualTo(DisposalCaseStatus.DETERMINED);
        assertThat(recovered.measuresOpen()).isEqualTo(1);
        assertThat(recovered.money().recoveredYuan()).isEqualTo(new BigDecimal("300000.00"));
        assertThat(recovered.money().refundOfRecovered()).isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void criminalCase_goesUpToTheCity_toThePolice_andIntoAnotherProvince() {
        DisposalCaseState c2 = DisposalCaseState.fold(events(scenario.c2()));

        assertThat(c2.escalated()).isTrue();
        assertThat(c2.escalations().get(0).reasons()).containsExactly(EscalationReason.DISPUTED);
        assertThat(c2.determination().level()).isEqualTo(DeterminationLevel.CITY);
        assertThat(c2.status()).isEqualTo(DisposalCaseStatus.WITH_POLICE);
        assertThat(c2.withPolice()).isTrue();
        assertThat(c2.transfer().policeUnit()).isEqualTo("141102_POLICE");
        assertThat(c2.criminalStage()).isEqualTo(CriminalMilestone.POLICE_FILED);
        assertThat(c2.crossProvince()).isTrue();
        assertThat(c2.crossProvinceAt()).isEqualTo(beijing("2025-03-01T11:00"));
        assertThat(c2.provinces()).extracting(Province::code).containsExactly("610000", "130000");
    }

    @Test
    void revisionStatesTheWholeScale_andThePlanCountsItsMilestones() {
        DisposalCaseState c3 = DisposalCaseState.fold(events(scenario.c3()));

        assertThat(c3.scale()).hasSize(2);
        assertThat(c3.scale().get(1).estimatedAmountYuan()).isEqualTo(new BigDecimal("6000000.00"));
        assertThat(c3.money().estimatedAmountFen()).isEqualTo(600_000_000L);
        assertThat(c3.estimatedParticipants()).isEqualTo(650);
        assertThat(c3.escalatedAt()).isEqualTo(beijing("2025-01-20T10:00"));
        assertThat(c3.plan().milestones()).extracting(Milestone::seq).containsExactly(1, 2);
        assertThat(c3.plan().milestones().get(1).completedAt()).isEqualTo(beijing("2025-03-18T10:00"));
        assertThat(c3.plan().milestonesCompleted()).isEqualTo(2);
        assertThat(c3.status()).isEqualTo(DisposalCaseStatus.CLOSED);
        assertThat(c3.closure().resolution()).isEqualTo(CaseResolution.NO_ILLEGAL_FUNDRAISING);

        String caseId = newId();
        DisposalCaseState unknown = DisposalCaseState.fold(List.of(
                opened(caseId, LISHI, "某案", KeyArea.OTHER, List.of(), 1_000_000L, 10, List.of(),
                        beijing("2025-03-03T10:00")),
                revised(caseId, LISHI, null, 12, beijing("2025-03-04T10:00"))));
        assertThat(unknown.money().estimatedAmountFen()).as("a figure left out is unknown from now on").isNull();
        assertThat(unknown.money().recoveryCoverage()).isNull();
    }

    @Test
    void legacyCase_isWithThePoliceFromItsImport_andClosesAfterJudgment() {
        List<DisposalCaseEvent> lx = events(scenario.legacy()).stream()
                .filter(event -> event.caseId().equals(scenario.lx)).toList();

        DisposalCaseState imported = DisposalCaseState.fold(lx.subList(0, 1));
        DisposalCaseState closed = DisposalCaseState.fold(lx);

        assertThat(imported.legacy()).isTrue();
        assertThat(imported.legacyCase().legacyCode()).isEqualTo("141102-1");
        assertThat(imported.status()).isEqualTo(DisposalCaseStatus.WITH_POLICE);
        assertThat(imported.withPolice()).isTrue();
        assertThat(imported.transfer()).isNull();
        assertThat(imported.determination()).isNull();
        assertThat(imported.criminalStage()).isEqualTo(CriminalMilestone.POLICE_FILED);
        assertThat(imported.scale()).isEmpty();
        assertThat(closed.criminalMilestones()).extracting(CriminalMilestoneView::milestone).containsExactly(
                CriminalMilestone.PROSECUTION_REVIEW, CriminalMilestone.INDICTED,
                CriminalMilestone.FIRST_INSTANCE_JUDGMENT);
        assertThat(closed.criminalStage()).isEqualTo(CriminalMilestone.FIRST_INSTANCE_JUDGMENT);
        assertThat(closed.status()).isEqualTo(DisposalCaseStatus.CLOSED);
        assertThat(closed.money().recoveredYuan()).isEqualTo(new BigDecimal("50000.00"));
    }

    @Test
    void backDatedRecovery_inBusinessOrder_countsOnlyFromWhenItHappened() {
        String caseId = newId();
        // Recovery 2 was recorded after recovery 1, but happened before it: in business order it comes first.
        List<DisposalCaseEvent> businessOrder = List.of(
                opened(caseId, LISHI, "某案", KeyArea.OTHER, List.of(), 100_000_000L, 10, List.of(),
                        beijing("2025-03-03T10:00")),
                recovered(caseId, 2, LISHI, 10_000_000L, 40_000_000L, beijing("2025-03-05T10:00")),
                recovered(caseId, 1, LISHI, 30_000_000L, 30_000_000L, beijing("2025-03-10T10:00")));

        DisposalCaseState byThe5th = DisposalCaseState.fold(businessOrder.subList(0, 2));
        DisposalCaseState byThe10th = DisposalCaseState.fold(businessOrder);

        assertThat(byThe5th.money().recoveredFen()).as("not the running total recovery 2 carries")
                .isEqualTo(10_000_000L);
        assertThat(byThe5th.recoveries()).extracting(AssetRecoveryView::recoveryNumber).containsExactly(2);
        assertThat(byThe10th.money().recoveredFen()).isEqualTo(40_000_000L);
        assertThat(byThe10th.recoveries()).extracting(AssetRecoveryView::recoveryNumber).containsExactly(1, 2);
    }

    @Test
    void determinationMovesOnlyAnOpenCase_andEventsOfUnknownMeasuresAreLeftAlone() {
        String caseId = newId();
        DisposalCaseState state = DisposalCaseState.fold(List.of(
                opened(caseId, LISHI, "某案", KeyArea.OTHER, List.of(), null, null, List.of(),
                        beijing("2025-03-03T10:00")),
                transferred(caseId, LISHI, beijing("2025-03-04T10:00")),
                determined(caseId, DeterminationLevel.COUNTY, LISHI, DeterminationOutcome.SUSPECTED_CRIME,
                        beijing("2025-03-05T10:00")),
                followedUp(caseId, "NO-SUCH-MEASURE", LISHI, beijing("2025-03-06T10:00"))));

        assertThat(state.status()).isEqualTo(DisposalCaseStatus.WITH_POLICE);
        assertThat(state.determination().outcome()).isEqualTo(DeterminationOutcome.SUSPECTED_CRIME);
        assertThat(state.measures()).isEmpty();
        assertThat(state.money().estimatedAmountFen()).isNull();
    }

    @Test
    void fold_isAFunctionOfItsEventsOnly() {
        List<DisposalCaseEvent> events = new ArrayList<>(events(scenario.c1()));
        List<DisposalCaseEvent> copy = List.copyOf(events);

        assertThat(DisposalCaseState.fold(events)).isEqualTo(DisposalCaseState.fold(events));
        assertThat(events).isEqualTo(copy);
        assertThat(DisposalCaseState.fold(List.of()).status()).isNull();
        assertThat(DisposalCaseState.fold(events.subList(1, events.size())).caseId())
                .as("nothing applies to a case not yet opened").isNull();
    }

    private static List<DisposalCaseEvent> events(List<Object> events) {
        return events.stream().map(DisposalCaseEvent.class::cast).toList();
    }
}
