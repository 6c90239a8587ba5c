package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Scores counties and lead units from the ledger: fetches each subject's facts ({@link ScoringFacts}), computes its
 * score under a rubric version ({@link ScoreCalculator}) with the hash of its inputs ({@link InputHash}), ranks the
 * subjects, and traces any indicator down to what it counted. Nothing is stored: a score is computed again whenever
 * it is asked for, so it always equals what the facts and the rubric give.
 */
@Component
public class Scoring {

    private final ScoringFacts facts;
    private final RubricProjection rubrics;
    private final ScoreCardProjection cards;
    private final Clock clock;

    Scoring(ScoringFacts facts, RubricProjection rubrics, ScoreCardProjection cards, Clock clock) {
        this.facts = facts;
        this.rubrics = rubrics;
        this.cards = cards;
        this.clock = clock;
    }

    /** The cards issued for a period, kind and rubric version (any, where {@code null}), as the API lists them. */
    public List<ScoreCardSummary> cards(String period, ScoredSubjectKind kind, Integer rubricVersion,
                                        String division) {
        return cards.handle(new ListScoreCardsQuery(period, kind, rubricVersion, division));
    }

    /** One issued card. */
    public Optional<ScoreCardView> card(String cardId) {
        return cards.handle(new FindScoreCardQuery(cardId));
    }

    /** Every published rubric version, oldest first. */
    public List<RubricView> rubrics() {
        return rubrics.handle(new ListRubricsQuery());
    }

    /** A rubric version, or the latest for {@code null}; 404 when it is not published. */
    public RubricView rubric(Integer version) {
        return rubrics.rubric(version).orElseThrow(() -> new NotFoundException(version == null
                ? "No scoring rubric has been published yet" : "No rubric version " + version));
    }

    /** Every subject of the kind, scored and ranked. */
    public RankingView ranking(ScoredSubjectKind kind, ScoringPeriod period, Integer rubricVersion) {
        requireBegun(period);
        RubricView rubric = rubric(rubricVersion);
        List<ScoredSubject> subjects = facts.subjects(kind);
        Map<String, ScoreInputs> inputs = facts.inputs(kind, subjects.stream().map(ScoredSubject::code)
                .toList(), period, rubric);
        List<SubjectScore> scores = new ArrayList<>();
        for (ScoredSubject subject : subjects) {
            ScoreInputs subjectInputs = inputs.get(subject.code());
            scores.add(ScoreCalculator.score(rubric, period, subjectInputs, subject,
                    InputHash.of(subjectInputs)));
        }
        return new RankingView(kind, period.code(), period.from(), period.to(), rubric.version(), rubric.name(),
                rubric.indicatorsFor(kind), ScoreCalculator.rank(scores));
    }

    /** One subject's score, ranked among its kind; 404 for a subject the ledger does not score. */
    public SubjectScore score(ScoredSubjectKind kind, String code, ScoringPeriod period, Integer rubricVersion) {
        return ranking(kind, period, rubricVersion).subjects().stream()
                .filter(score -> score.subjectCode().equals(code))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No " + kind + " " + code + " is scored"));
    }

    /** One subject's inputs: the facts its score is computed from, as hashed. */
    public ScoreInputs inputs(ScoredSubjectKind kind, String code, ScoringPeriod period, Integer rubricVersion) {
        RubricView rubric = rubric(rubricVersion);
        subject(kind, code);
        return facts.inputs(kind, List.of(code), period, rubric).get(code);
    }

    /** One indicator of a subject's score, with every item it counted. */
    public DrilldownView drilldown(ScoredSubjectKind kind, String code, ScoringPeriod period, Integer rubricVersion,
                                   String indicatorCode) {
        SubjectScore score = score(kind, code, period, rubricVersion);
        RubricView rubric = rubric(score.rubricVersion());
        IndicatorScore indicator = score.indicator(indicatorCode)
                .orElseThrow(() -> new NotFoundException("Rubric version " + rubric.version() + " scores no "
                        + "indicator " + indicatorCode + " for " + kind));
        RubricIndicator definition = rubric.indicator(indicatorCode).orElseThrow();
        ScoreInputs inputs = facts.inputs(kind, List.of(code), period, rubric).get(code);
        MeasuredValue measured = Measures.measure(definition.measure(), period, inputs);
        return new DrilldownView(score, indicator, definition, measured.items());
    }

    /**
     * An issued card against the score computed again now under its rubric version: the same facts give the same
     * input hash and the same numbers (docs/scoring.md, "Reproducibility").
     */
    public VerificationView verify(ScoreCardView card) {
        SubjectScore now = score(card.subjectKind(), card.subjectCode(), ScoringPeriod.parse(card.period()),
                card.rubricVersion());
        List<VerificationView.Difference> differences = new ArrayList<>();
        compare(differences, "inputHash", card.inputHash(), now.inputHash());
        compare(differences, "baseScore", card.baseScore(), now.baseScore());
        compare(differences, "penaltyPoints", card.penaltyPoints(), now.penaltyPoints());
        compare(differences, "totalScore", card.issuedTotal(), now.totalScore());
        compare(differences, "rank", card.rank(), now.rank());
        compare(differences, "rankedAmong", card.rankedAmong(), now.rankedAmong());
        for (ScoreCardView.CardIndicator frozen : card.indicators()) {
            String field = "indicators." + frozen.code() + ".";
            IndicatorScore computed = now.indicator(frozen.code()).orElse(null);
            if (computed == null) {
                differences.add(new VerificationView.Difference(field + "code", frozen.code(), null));
                continue;
            }
            compare(differences, field + "applicable", frozen.applicable(), computed.applicable());
            compare(differences, field + "value", frozen.value(), computed.value());
            compare(differences, field + "numerator", frozen.numerator(), computed.numerator());
            compare(differences, field + "denominator", frozen.denominator(), computed.denominator());
            compare(differences, field + "points", frozen.points(), computed.points());
            compare(differences, field + "rank", frozen.rank(), computed.rank());
        }
        for (ScoreCardView.CardPenalty frozen : card.penalties()) {
            String field = "penalties." + frozen.code() + ".";
            PenaltyScore computed = now.penalties().stream().filter(p -> p.code().equals(frozen.code()))
                    .findFirst().orElse(null);
            compare(differences, field + "points", frozen.points(), computed == null ? null : computed.points());
            compare(differences, field + "caseIds", frozen.caseIds(), computed == null ? null : computed.caseIds());
        }
        return new VerificationView(card.cardId(), differences.isEmpty(), card.inputHash(), now.inputHash(),
                differences);
    }

    /** Records a difference; numbers are equal when they are the same number at any scale. */
    private static void compare(List<VerificationView.Difference> differences, String field, Object frozen,
                                Object computed) {
        boolean same = frozen instanceof BigDecimal a && computed instanceof BigDecimal b ? a.compareTo(b) == 0
                : Objects.equals(frozen, computed);
        if (!same) {
            differences.add(new VerificationView.Difference(field, text(frozen), text(computed)));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    /** The subject of a kind with this code; 404 when there is none. */
    public ScoredSubject subject(ScoredSubjectKind kind, String code) {
        return facts.subjects(kind).stream().filter(subject -> subject.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("No " + kind + " " + code + " is scored"));
    }

    /** Every subject of a kind, in the reference data's order. */
    public List<ScoredSubject> subjects(ScoredSubjectKind kind) {
        return facts.subjects(kind);
    }

    /** A period still to come has no facts yet; it is refused rather than scored as empty. */
    private void requireBegun(ScoringPeriod period) {
        if (period.from().isAfter(BusinessDay.today(clock))) {
            throw new InvalidParameterException("period", "has not begun yet: " + period.code() + " starts on "
                    + period.from());
        }
    }
}
