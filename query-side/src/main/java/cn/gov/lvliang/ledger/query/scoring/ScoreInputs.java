package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a score is computed from: the facts of one subject as at the end of one period, fetched from the read
 * models by {@link ScoringFacts}. A score is a pure function of these inputs and the rubric ({@link ScoreCalculator}),
 * and the input hash is the SHA-256 of their canonical JSON ({@link InputHash}), so that the same facts give the same
 * hash on any node, on a rebuilt read model, and years later.
 *
 * <p>Every list is sorted by its ids, and every time after the period's end is left out (a later conclusion, a later
 * resolution), so that the inputs say exactly what the ledger knew of the period at its end.
 *
 * @param rubricVersion the rubric version the score is computed under
 * @param subjectKind   county or lead unit
 * @param subjectCode   the division code or unit code
 * @param period        the period's code, e.g. {@code 2025-Q1}
 * @param bundle        the bundle cases' facts
 * @param fundraising   the campaign's facts; {@code null} for a lead unit, which has none
 */
public record ScoreInputs(
        int rubricVersion,
        ScoredSubjectKind subjectKind,
        String subjectCode,
        String period,
        BundleFacts bundle,
        FundraisingFacts fundraising) {

    /**
     * The bundle cases' facts of a subject and period.
     *
     * @param conclusions cases concluded in the period
     * @param materials   per case, the materials recorded in the period
     * @param acceptances cases accepted or refused in the period
     * @param complaints  complaints in hand in the period: lodged before its end, not resolved before its start
     * @param ratings     ratings given in the period
     * @param bundles     the subject's bundles on the period's yearly list, each with its first case by the end
     */
    public record BundleFacts(
            List<Conclusion> conclusions,
            List<MaterialsRecorded> materials,
            List<AcceptanceDecision> acceptances,
            List<Complaint> complaints,
            List<Rating> ratings,
            List<ListedBundle> bundles) {

        public BundleFacts {
            conclusions = sorted(conclusions, Comparator.comparing(Conclusion::caseId));
            materials = sorted(materials, Comparator.comparing(MaterialsRecorded::caseId));
            acceptances = sorted(acceptances, Comparator.comparing(AcceptanceDecision::caseId));
            complaints = sorted(complaints, Comparator.comparing(Complaint::caseId)
                    .thenComparing(Complaint::complaintId));
            ratings = sorted(ratings, Comparator.comparing(Rating::caseId));
            bundles = sorted(bundles, Comparator.comparing(ListedBundle::bundleCode));
        }

        /** No facts at all. */
        public static BundleFacts none() {
            return new BundleFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }

    /**
     * A case concluded in the period.
     *
     * @param caseId      the case
     * @param concludedAt when
     * @param overdueAt   when it went overdue, if it did by the end
     * @param visits      visits in person recorded by the end
     */
    public record Conclusion(String caseId, Instant concludedAt, Instant overdueAt, int visits) {
    }

    /** The materials of a case recorded in the period: submitted by the applicant, or waived (免予提交). */
    public record MaterialsRecorded(String caseId, int submitted, int waived) {
    }

    /** A case accepted or refused acceptance (不予受理) in the period. */
    public record AcceptanceDecision(String caseId, Instant decidedAt, boolean refused) {
    }

    /** A complaint (办不成事反映) in hand in the period; {@code resolvedAt} only if resolved by the end. */
    public record Complaint(String caseId, String complaintId, Instant lodgedAt, Instant resolvedAt) {
    }

    /** A rating (好差评) given in the period. */
    public record Rating(String caseId, Instant ratedAt, int score) {
    }

    /** A bundle of the yearly list; {@code firstSubmittedAt} is the subject's first case by the end, if any. */
    public record ListedBundle(String bundleCode, String name, Instant firstSubmittedAt) {
    }

    /**
     * The campaign's facts of a county and period.
     *
     * @param clues       clues verified in the period, or overdue and waiting (unverified, not ended) at its end
     * @param cases       disposal cases (not legacy) opened by the end
     * @param legacyCases the county's legacy cases: the plan's, and others imported by the end
     * @param money       every case opened by the end with its money as at the end
     * @param petitions   petitions in hand in the period: received before its end, not handled before its start
     * @param majorCases  major cases opened after the campaign and by the end, for the penalty
     */
    public record FundraisingFacts(
            List<ClueVerification> clues,
            List<DisposalCase> cases,
            List<LegacyCase> legacyCases,
            List<CaseMoney> money,
            List<Petition> petitions,
            List<MajorCase> majorCases) {

        public FundraisingFacts {
            clues = sorted(clues, Comparator.comparing(ClueVerification::clueId));
            cases = sorted(cases, Comparator.comparing(DisposalCase::caseId));
            legacyCases = sorted(legacyCases, Comparator.comparing(LegacyCase::legacyCode));
            money = sorted(money, Comparator.comparing(CaseMoney::caseId));
            petitions = sorted(petitions, Comparator.comparing(Petition::caseId).thenComparing(Petition::petitionId));
            majorCases = sorted(majorCases, Comparator.comparing(MajorCase::caseId));
        }

        /** No facts at all. */
        public static FundraisingFacts none() {
            return new FundraisingFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }

    /** A clue's verification; {@code verifiedAt} and {@code overdueAt} only if by the end. */
    public record ClueVerification(String clueId, Instant verifiedAt, Instant overdueAt) {
    }

    /** A disposal case opened by the end; {@code closedAt} only if closed by the end. */
    public record DisposalCase(String caseId, Instant openedAt, Instant closedAt) {
    }

    /**
     * A legacy case (陈案积案).
     *
     * @param legacyCode the case's code, e.g. 141125-1
     * @param caseId     the disposal case, once imported (by any time)
     * @param closedAt   when it was closed, if by the end
     */
    public record LegacyCase(String legacyCode, String caseId, Instant closedAt) {
    }

    /** A case's money as at the end, in fen; {@code involvedFen} is {@code null} without an estimate. */
    public record CaseMoney(String caseId, Long involvedFen, long recoveredFen, long refundedFen) {
    }

    /** A petition (信访) about a case; {@code handledAt} only if handled by the end. */
    public record Petition(String caseId, String petitionId, Instant receivedAt, Instant handledAt) {
    }

    /**
     * A major case opened after the campaign.
     *
     * @param caseId       the case
     * @param openedAt     when it was opened
     * @param determinedAt when it was determined, if by the end
     * @param petitions    its petitions received by the end
     */
    public record MajorCase(String caseId, Instant openedAt, Instant determinedAt, List<Petition> petitions) {

        public MajorCase {
            petitions = sorted(petitions, Comparator.comparing(Petition::petitionId));
        }
    }

    private static <T> List<T> sorted(List<T> values, Comparator<T> order) {
        return values == null ? List.of() : values.stream().sorted(order).toList();
    }
}
