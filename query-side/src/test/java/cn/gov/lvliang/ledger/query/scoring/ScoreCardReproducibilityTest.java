package cn.gov.lvliang.ledger.query.scoring;

import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.assigned;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.closed;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.opened;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.petition;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recorded;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.recovered;
import static cn.gov.lvliang.ledger.query.fundraising.FundraisingTestData.verified;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.LISHI;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.Q1_2025;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.accepted;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.beijing;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.concluded;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.lodged;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.materials;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.newId;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.overdue;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.rated;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.refused;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.resolved;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.submitted;
import static cn.gov.lvliang.ledger.query.scoring.ScoringLedger.visit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.VerificationOutcome;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardIssuedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same events and the same rubric version give the same score: a frozen card is computed again from the events
 * on read models rebuilt from zero, with the same numbers and the same input hash; a fact back-dated into its period
 * shows as a difference while the card stays as issued; and a new rubric version changes no card issued under the
 * old one.
 */
class ScoreCardReproducibilityTest {

    static final Instant ISSUED = Instant.parse("2025-04-10T02:00:00Z");

    ScoringLedger ledger;
    String complainedCase;

    @BeforeEach
    void aQuarterOfFactsInLishi() {
        ledger = ScoringLedger.h2();
        for (int i = 1; i <= 4; i++) {
            String caseId = newId();
            ledger.bundle(submitted(caseId, LISHI, at("2025-01-0" + i + "T09:00")),
                    visit(caseId, 1, at("2025-01-0" + i + "T09:00")),
                    materials(caseId, 2, i % 2, at("2025-01-0" + i + "T09:05")),
                    accepted(caseId, at("2025-01-0" + i + "T10:00")));
            if (i == 4) {
                ledger.bundle(visit(caseId, 2, at("2025-01-20T09:00")), overdue(caseId, at("2025-01-21T00:00")));
            }
            ledger.bundle(concluded(caseId, at("2025-01-2" + i + "T10:00")), rated(caseId, 3 + i % 3,
                    at("2025-02-0" + i + "T10:00")));
        }
        complainedCase = newId();
        ledger.bundle(submitted(complainedCase, LISHI, at("2025-02-10T09:00")),
                refused(complainedCase, at("2025-02-11T09:00")),
                lodged(complainedCase, "K1", at("2025-02-12T09:00")),
                lodged(complainedCase, "K2", at("2025-02-13T09:00")),
                resolved(complainedCase, "K1", at("2025-02-14T21:00")));
        String clue = newId();
        String disposal = newId();
        ledger.fundraising(
                recorded(clue, LISHI, ClueSource.GRID_WORKER, KeyArea.AGRICULTURE, "某合作社", 300_000L, null,
                        at("2025-01-06T10:00")),
                assigned(clue, LISHI, LocalDate.of(2025, 1, 27), at("2025-01-06T11:00")),
                verified(clue, LISHI, VerificationOutcome.RISK_CONFIRMED, at("2025-01-20T10:00")),
                opened(disposal, LISHI, "某合作社涉嫌非法集资案", KeyArea.AGRICULTURE, List.of(), 2_000_000L, 60,
                        List.of(), at("2025-01-25T10:00")),
                recovered(disposal, 1, LISHI + "_POLICE", 500_000, 500_000, at("2025-02-20T10:00")),
                petition(disposal, "P1", LISHI, 12, at("2025-03-01T10:00")),
                closed(disposal, LISHI, CaseResolution.CLOSED_AFTER_ADMINISTRATIVE_DISPOSAL, 500_000, 0,
                        at("2025-03-25T10:00")));
    }

    @AfterEach
    void dropLedger() {
        ledger.close();
    }

    @Test
    void aFrozenCard_computedAgainFromTheEventsOnReadModelsRebuiltFromZero_hasTheSameNumbersAndInputHash() {
        SubjectScore live = score(1);
        ScoreCardIssuedEvent card = ScoringTestData.issued(live, ISSUED);
        ledger.issue(card);
        assertThat(live.indicators()).filteredOn(IndicatorScore::applicable).hasSizeGreaterThan(10);

        ledger.rebuildFromTheEvents();

        SubjectScore rebuilt = score(1);
        assertThat(rebuilt).isEqualTo(live);
        assertThat(rebuilt.inputHash()).isEqualTo(card.inputHash());
        VerificationView verification = ledger.scoring().verify(ledger.card(card.cardId()));
        assertThat(verification.differences()).isEmpty();
        assertThat(verification.reproduced()).isTrue();
        assertThat(verification.recomputedHash()).isEqualTo(card.inputHash());
    }

    @Test
    void aFactBackDatedIntoThePeriod_showsAsADifference_andTheCardStaysAsIssued() {
        ScoreCardIssuedEvent card = ScoringTestData.issued(score(1), ISSUED);
        ledger.issue(card);
        ScoreCardView issued = ledger.card(card.cardId());

        // Recorded after the card was issued, but it happened in March.
        ledger.bundle(resolved(complainedCase, "K2", at("2025-03-20T09:00")));

        VerificationView verification = ledger.scoring().verify(ledger.card(card.cardId()));
        assertThat(verification.reproduced()).isFalse();
        assertThat(verification.recomputedHash()).isNotEqualTo(card.inputHash());
        assertThat(verification.differences()).extracting(VerificationView.Difference::field)
                .contains("inputHash", "indicators.COMPLAINT_RESOLUTION.value",
                        "indicators.COMPLAINT_RESOLUTION.numerator");
        assertThat(verification.differences()).filteredOn(d -> d.field().equals(
                "indicators.COMPLAINT_RESOLUTION.value")).singleElement()
                .satisfies(d -> {
                    assertThat(d.frozen()).isEqualTo("0.5000");
                    assertThat(d.recomputed()).isEqualTo("1.0000");
                });
        assertThat(ledger.card(card.cardId())).isEqualTo(issued);
    }

    @Test
    void aNewRubricVersion_leavesTheCardsIssuedUnderTheOldOneUnchanged() {
        SubjectScore underV1 = score(1);
        ScoreCardIssuedEvent card = ScoringTestData.issued(underV1, ISSUED);
        ledger.issue(card);
        ScoreCardView before = ledger.card(card.cardId());

        ledger.publish(ScoringTestData.rubricV2());

        assertThat(ledger.card(card.cardId())).isEqualTo(before);
        assertThat(before.rubricVersion()).isEqualTo(1);
        assertThat(ledger.scoring().verify(before).reproduced()).as("still computed under version 1").isTrue();
        assertThat(score(1)).isEqualTo(underV1);
        SubjectScore underV2 = score(2);
        assertThat(underV2.rubricVersion()).isEqualTo(2);
        assertThat(underV2.inputHash()).as("the rubric version is part of the inputs").isNotEqualTo(
                underV1.inputHash());
        assertThat(underV2.baseScore()).as("version 2 weighs on-time less and one-visit more")
                .isNotEqualByComparingTo(underV1.baseScore());
        assertThat(ScoreCardIssuedEvent.cardId(ScoredSubjectKind.COUNTY, LISHI, "2025-Q1", 2))
                .as("a card under version 2 is another card").isNotEqualTo(card.cardId());
    }

    private SubjectScore score(int rubricVersion) {
        return ledger.scoring().score(ScoredSubjectKind.COUNTY, LISHI, Q1_2025, rubricVersion);
    }

    private static Instant at(String beijing) {
        return beijing(beijing);
    }
}
