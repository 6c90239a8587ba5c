package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final Clock clock;

    Scoring(ScoringFacts facts, RubricProjection rubrics, Clock clock) {
        this.facts = facts;
        this.rubrics = rubrics;
        this.clock = clock;
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
