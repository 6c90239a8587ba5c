package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.IndicatorMeasure;
import cn.gov.lvliang.ledger.events.scoring.RubricPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.events.scoring.ScoringProgramme;
import cn.gov.lvliang.ledger.query.fundraising.Money;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.scoring.CountedItem.ItemKind;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.BundleFacts;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.CaseMoney;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.ClueVerification;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.Complaint;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.Conclusion;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.FundraisingFacts;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.MajorCase;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.Petition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What each {@link IndicatorMeasure} counts, as pure functions of a subject's {@link ScoreInputs} and the period:
 * no database, no clock, so that the same inputs always give the same value, and each measure can be tested on facts
 * worked out by hand. The definitions are those of docs/scoring.md, "Measures".
 */
final class Measures {

    /** Days and ratings have two decimals; ratios have {@link Money#RATIO_SCALE}. */
    static final int AVERAGE_SCALE = 2;
    private static final long SECONDS_PER_DAY = 86_400;

    private Measures() {
    }

    /** The measure's value for the inputs' subject in the period, with what it counted. */
    static MeasuredValue measure(IndicatorMeasure measure, ScoringPeriod period, ScoreInputs inputs) {
        Window window = new Window(BusinessDay.startOf(period.from()), BusinessDay.startOf(period.to().plusDays(1)));
        BundleFacts bundle = inputs.bundle() == null ? BundleFacts.none() : inputs.bundle();
        FundraisingFacts fundraising = inputs.fundraising();
        if (measure.programme() == ScoringProgramme.FUNDRAISING && fundraising == null) {
            return notApplicable();
        }
        return switch (measure) {
            case ON_TIME_CONCLUSION_RATE -> onTimeConclusion(bundle);
            case ONE_VISIT_SHARE -> oneVisit(bundle);
            case WAIVED_MATERIALS_SHARE -> waivedMaterials(bundle);
            case COMPLAINT_RESOLUTION_RATE -> complaintResolution(bundle, window);
            case COMPLAINT_RESOLUTION_DAYS -> complaintDays(bundle, window);
            case AVERAGE_RATING -> averageRating(bundle);
            case ACCEPTANCE_REFUSAL_RATE -> acceptanceRefusal(bundle);
            case BUNDLES_IN_OPERATION_RATE -> bundlesInOperation(bundle);
            case CLUE_VERIFICATION_ON_TIME_RATE -> clueVerification(fundraising);
            case CASE_CLOSURE_RATE -> caseClosure(fundraising);
            case LEGACY_CASE_RESOLUTION_RATE -> legacyResolution(fundraising);
            case RECOVERY_COVERAGE -> recoveryCoverage(fundraising);
            case REFUND_RATIO -> refundRatio(fundraising);
            case PETITION_HANDLING_RATE -> petitionHandling(fundraising, window);
        };
    }

    /**
     * The county's major cases opened after the campaign that were handled poorly by the end of the period, as the
     * penalty {@code MAJOR_CASE_AFTER_CAMPAIGN_HANDLED_POORLY} counts them; their case ids in order.
     */
    static List<String> majorCasesHandledPoorly(RubricPenalty penalty, ScoringPeriod period, ScoreInputs inputs) {
        if (inputs.fundraising() == null) {
            return List.of();
        }
        Instant end = BusinessDay.startOf(period.to().plusDays(1));
        Instant countsFrom = BusinessDay.startOf(penalty.countsFrom());
        Duration determination = Duration.ofDays(penalty.determinationDays());
        Duration petition = Duration.ofDays(penalty.petitionDays());
        List<String> poorly = new ArrayList<>();
        for (MajorCase major : inputs.fundraising().majorCases()) {
            if (major.openedAt().isBefore(countsFrom) || !major.openedAt().isBefore(end)) {
                continue;
            }
            boolean late = lateOrOverdue(major.openedAt().plus(determination), major.determinedAt(), end)
                    || major.petitions().stream().anyMatch(p ->
                    lateOrOverdue(p.receivedAt().plus(petition), p.handledAt(), end));
            if (late) {
                poorly.add(major.caseId());
            }
        }
        return poorly;
    }

    /** Done after the deadline, or not done when the deadline passed before the end. */
    private static boolean lateOrOverdue(Instant deadline, Instant doneAt, Instant end) {
        return doneAt != null ? doneAt.isAfter(deadline) : deadline.isBefore(end);
    }

    // ---- 高效办成一件事 ----------------------------------------------------------------------------------------

    private static MeasuredValue onTimeConclusion(BundleFacts facts) {
        List<CountedItem> items = new ArrayList<>();
        long onTime = 0;
        for (Conclusion conclusion : facts.conclusions()) {
            boolean inTime = conclusion.overdueAt() == null || !conclusion.overdueAt().isBefore(conclusion.concludedAt());
            onTime += inTime ? 1 : 0;
            items.add(caseItem(conclusion.caseId(), inTime, conclusion.concludedAt(), null, null));
        }
        return ratio(onTime, facts.conclusions().size(), items);
    }

    private static MeasuredValue oneVisit(BundleFacts facts) {
        List<CountedItem> items = new ArrayList<>();
        long oneVisit = 0;
        for (Conclusion conclusion : facts.conclusions()) {
            boolean atMostOne = conclusion.visits() <= 1;
            oneVisit += atMostOne ? 1 : 0;
            items.add(caseItem(conclusion.caseId(), atMostOne, conclusion.concludedAt(),
                    BigDecimal.valueOf(conclusion.visits()), null));
        }
        return ratio(oneVisit, facts.conclusions().size(), items);
    }

    private static MeasuredValue waivedMaterials(BundleFacts facts) {
        List<CountedItem> items = new ArrayList<>();
        long waived = 0;
        long recorded = 0;
        for (ScoreInputs.MaterialsRecorded materials : facts.materials()) {
            waived += materials.waived();
            recorded += materials.waived() + materials.submitted();
            items.add(caseItem(materials.caseId(), materials.waived() > 0, null,
                    BigDecimal.valueOf(materials.waived()),
                    BigDecimal.valueOf(materials.waived() + materials.submitted())));
        }
        return ratio(waived, recorded, items);
    }

    private static MeasuredValue complaintResolution(BundleFacts facts, Window window) {
        List<CountedItem> items = new ArrayList<>();
        long resolved = 0;
        for (Complaint complaint : facts.complaints()) {
            boolean inPeriod = window.contains(complaint.resolvedAt());
            resolved += inPeriod ? 1 : 0;
            items.add(new CountedItem(ItemKind.COMPLAINT, complaint.complaintId(), complaint.caseId(), inPeriod,
                    inPeriod ? complaint.resolvedAt() : complaint.lodgedAt(), null, null));
        }
        return ratio(resolved, facts.complaints().size(), items);
    }

    private static MeasuredValue complaintDays(BundleFacts facts, Window window) {
        List<CountedItem> items = new ArrayList<>();
        long seconds = 0;
        BigDecimal days = BigDecimal.ZERO;
        for (Complaint complaint : facts.complaints()) {
            if (window.contains(complaint.resolvedAt())) {
                long taken = Duration.between(complaint.lodgedAt(), complaint.resolvedAt()).toSeconds();
                BigDecimal takenDays = days(taken, 1);
                seconds += taken;
                days = days.add(takenDays);
                items.add(new CountedItem(ItemKind.COMPLAINT, complaint.complaintId(), complaint.caseId(), true,
                        complaint.resolvedAt(), takenDays, null));
            }
        }
        BigDecimal value = items.isEmpty() ? null : days(seconds, items.size());
        return new MeasuredValue(value, days, BigDecimal.valueOf(items.size()), items);
    }

    private static MeasuredValue averageRating(BundleFacts facts) {
        List<CountedItem> items = new ArrayList<>();
        long sum = 0;
        for (ScoreInputs.Rating rating : facts.ratings()) {
            sum += rating.score();
            items.add(caseItem(rating.caseId(), true, rating.ratedAt(), BigDecimal.valueOf(rating.score()), null));
        }
        int rated = facts.ratings().size();
        BigDecimal value = rated == 0 ? null : BigDecimal.valueOf(sum)
                .divide(BigDecimal.valueOf(rated), AVERAGE_SCALE, RoundingMode.HALF_UP);
        return new MeasuredValue(value, BigDecimal.valueOf(sum), BigDecimal.valueOf(rated), items);
    }

    private static MeasuredValue acceptanceRefusal(BundleFacts facts) {
        List<CountedItem> items = new ArrayList<>();
        long refused = 0;
        for (ScoreInputs.AcceptanceDecision decision : facts.acceptances()) {
            refused += decision.refused() ? 1 : 0;
            items.add(caseItem(decision.caseId(), decision.refused(), decision.decidedAt(), null, null));
        }
        return ratio(refused, facts.acceptances().size(), items);
    }

    private static MeasuredValue bundlesInOperation(BundleFacts facts) {
        List<CountedItem> items = new ArrayList<>();
        long running = 0;
        for (ScoreInputs.ListedBundle bundle : facts.bundles()) {
            boolean inOperation = bundle.firstSubmittedAt() != null;
            running += inOperation ? 1 : 0;
            items.add(new CountedItem(ItemKind.BUNDLE, bundle.bundleCode(), null, inOperation,
                    bundle.firstSubmittedAt(), null, null));
        }
        return ratio(running, facts.bundles().size(), items);
    }

    // ---- 打击非法集资专项行动 ------------------------------------------------------------------------------------

    private static MeasuredValue clueVerification(FundraisingFacts facts) {
        List<CountedItem> items = new ArrayList<>();
        long onTime = 0;
        for (ClueVerification clue : facts.clues()) {
            boolean inTime = clue.verifiedAt() != null
                    && (clue.overdueAt() == null || !clue.overdueAt().isBefore(clue.verifiedAt()));
            onTime += inTime ? 1 : 0;
            items.add(new CountedItem(ItemKind.CLUE, clue.clueId(), null, inTime,
                    clue.verifiedAt() != null ? clue.verifiedAt() : clue.overdueAt(), null, null));
        }
        return ratio(onTime, facts.clues().size(), items);
    }

    private static MeasuredValue caseClosure(FundraisingFacts facts) {
        List<CountedItem> items = new ArrayList<>();
        long closed = 0;
        for (ScoreInputs.DisposalCase disposal : facts.cases()) {
            boolean isClosed = disposal.closedAt() != null;
            closed += isClosed ? 1 : 0;
            items.add(new CountedItem(ItemKind.DISPOSAL_CASE, disposal.caseId(), disposal.caseId(), isClosed,
                    isClosed ? disposal.closedAt() : disposal.openedAt(), null, null));
        }
        return ratio(closed, facts.cases().size(), items);
    }

    private static MeasuredValue legacyResolution(FundraisingFacts facts) {
        List<CountedItem> items = new ArrayList<>();
        long resolved = 0;
        for (ScoreInputs.LegacyCase legacy : facts.legacyCases()) {
            boolean isResolved = legacy.closedAt() != null;
            resolved += isResolved ? 1 : 0;
            items.add(new CountedItem(ItemKind.LEGACY_CASE, legacy.legacyCode(), legacy.caseId(), isResolved,
                    legacy.closedAt(), null, null));
        }
        return ratio(resolved, facts.legacyCases().size(), items);
    }

    private static MeasuredValue recoveryCoverage(FundraisingFacts facts) {
        List<CountedItem> items = new ArrayList<>();
        long recovered = 0;
        long involved = 0;
        for (CaseMoney money : facts.money()) {
            if (money.involvedFen() == null) {
                continue;
            }
            recovered += money.recoveredFen();
            involved += money.involvedFen();
            items.add(new CountedItem(ItemKind.DISPOSAL_CASE, money.caseId(), money.caseId(),
                    money.recoveredFen() > 0, null, Money.yuan(money.recoveredFen()), Money.yuan(money.involvedFen())));
        }
        return money(recovered, involved, items);
    }

    private static MeasuredValue refundRatio(FundraisingFacts facts) {
        List<CountedItem> items = new ArrayList<>();
        long refunded = 0;
        long recovered = 0;
        for (CaseMoney money : facts.money()) {
            if (money.recoveredFen() == 0 && money.refundedFen() == 0) {
                continue;
            }
            refunded += money.refundedFen();
            recovered += money.recoveredFen();
            items.add(new CountedItem(ItemKind.DISPOSAL_CASE, money.caseId(), money.caseId(), money.refundedFen() > 0,
                    null, Money.yuan(money.refundedFen()), Money.yuan(money.recoveredFen())));
        }
        return money(refunded, recovered, items);
    }

    private static MeasuredValue petitionHandling(FundraisingFacts facts, Window window) {
        List<CountedItem> items = new ArrayList<>();
        long handled = 0;
        for (Petition petition : facts.petitions()) {
            boolean inPeriod = window.contains(petition.handledAt());
            handled += inPeriod ? 1 : 0;
            items.add(new CountedItem(ItemKind.PETITION, petition.petitionId(), petition.caseId(), inPeriod,
                    inPeriod ? petition.handledAt() : petition.receivedAt(), null, null));
        }
        return ratio(handled, facts.petitions().size(), items);
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    private static CountedItem caseItem(String caseId, boolean counted, Instant at, BigDecimal amount,
                                        BigDecimal ofAmount) {
        return new CountedItem(ItemKind.BUNDLE_CASE, caseId, caseId, counted, at, amount, ofAmount);
    }

    private static MeasuredValue ratio(long numerator, long denominator, List<CountedItem> items) {
        return new MeasuredValue(Money.ratio(numerator, denominator), BigDecimal.valueOf(numerator),
                BigDecimal.valueOf(denominator), items);
    }

    /** A ratio of two sums of fen, shown in yuan. */
    private static MeasuredValue money(long numeratorFen, long denominatorFen, List<CountedItem> items) {
        return new MeasuredValue(Money.ratio(numeratorFen, denominatorFen), Money.yuan(numeratorFen),
                Money.yuan(denominatorFen), items);
    }

    /** Seconds as days on average over {@code count}, to two decimals. */
    private static BigDecimal days(long seconds, long count) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(SECONDS_PER_DAY * count), AVERAGE_SCALE,
                RoundingMode.HALF_UP);
    }

    private static MeasuredValue notApplicable() {
        return new MeasuredValue(null, BigDecimal.ZERO, BigDecimal.ZERO, List.of());
    }

    /** The instants of a period: from its first moment, up to and excluding the first moment after it. */
    private record Window(Instant start, Instant end) {

        boolean contains(Instant instant) {
            return instant != null && !instant.isBefore(start) && instant.isBefore(end);
        }
    }
}
