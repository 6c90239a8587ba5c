package cn.gov.lvliang.ledger.query.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.BundleFacts;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.Conclusion;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.Rating;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The input hash is over one canonical form of the facts: the same facts give the same bytes, any change another. */
class InputHashTest {

    private static final Instant CONCLUDED = Instant.parse("2025-02-10T02:00:00Z");
    private static final Instant OVERDUE = Instant.parse("2025-02-08T16:00:00.123456Z");

    @Test
    void theCanonicalJson_hasSortedKeys_noWhiteSpace_nullsWritten_andIsoInstants() {
        ScoreInputs inputs = leadUnit(1, new BundleFacts(List.of(new Conclusion("c-1", CONCLUDED, null, 1)),
                List.of(), List.of(), List.of(), List.of(new Rating("c-1", CONCLUDED, 5)), List.of()));

        assertThat(InputHash.canonicalJson(inputs)).isEqualTo("""
                {"bundle":{"acceptances":[],"bundles":[],"complaints":[],\
                "conclusions":[{"caseId":"c-1","concludedAt":"2025-02-10T02:00:00Z","overdueAt":null,"visits":1}],\
                "materials":[],"ratings":[{"caseId":"c-1","ratedAt":"2025-02-10T02:00:00Z","score":5}]},\
                "fundraising":null,"period":"2025-Q1","rubricVersion":1,"subjectCode":"CITY_APPROVAL",\
                "subjectKind":"LEAD_UNIT"}""");
        assertThat(InputHash.of(inputs)).matches("[0-9a-f]{64}");
    }

    @Test
    void theSameFacts_inAnotherOrder_giveTheSameHash() {
        Conclusion first = new Conclusion("c-1", CONCLUDED, null, 1);
        Conclusion second = new Conclusion("c-2", CONCLUDED, OVERDUE, 2);

        assertThat(InputHash.of(leadUnit(1, conclusions(first, second))))
                .isEqualTo(InputHash.of(leadUnit(1, conclusions(second, first))));
    }

    @Test
    void anyChangedFact_orAnotherRubricVersion_givesAnotherHash() {
        String hash = InputHash.of(leadUnit(1, conclusions(new Conclusion("c-1", CONCLUDED, OVERDUE, 1))));

        assertThat(InputHash.of(leadUnit(1, conclusions(new Conclusion("c-1", CONCLUDED,
                OVERDUE.plusNanos(1_000), 1))))).as("a microsecond later").isNotEqualTo(hash);
        assertThat(InputHash.of(leadUnit(1, conclusions(new Conclusion("c-1", CONCLUDED, OVERDUE, 2)))))
                .as("one more visit").isNotEqualTo(hash);
        assertThat(InputHash.of(leadUnit(2, conclusions(new Conclusion("c-1", CONCLUDED, OVERDUE, 1)))))
                .as("rubric version 2").isNotEqualTo(hash);
    }

    private static BundleFacts conclusions(Conclusion... conclusions) {
        return new BundleFacts(List.of(conclusions), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static ScoreInputs leadUnit(int rubricVersion, BundleFacts facts) {
        return new ScoreInputs(rubricVersion, ScoredSubjectKind.LEAD_UNIT, "CITY_APPROVAL", "2025-Q1", facts, null);
    }
}
