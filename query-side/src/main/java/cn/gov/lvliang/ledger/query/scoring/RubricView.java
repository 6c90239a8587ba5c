package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.RubricPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A published version of the scoring rubric.
 *
 * @param version     the version
 * @param name        its title
 * @param source      the documents it rests on
 * @param contentHash the SHA-256 of the data file it was read from
 * @param publishedAt when it was published
 * @param indicators  its indicators, in the order score cards list them
 * @param penalties   its deductions
 */
public record RubricView(int version, String name, String source, String contentHash, Instant publishedAt,
                         List<RubricIndicator> indicators, List<RubricPenalty> penalties) {

    public RubricView {
        indicators = List.copyOf(indicators);
        penalties = List.copyOf(penalties);
    }

    /** The indicators that apply to a kind of subject, in order. */
    public List<RubricIndicator> indicatorsFor(ScoredSubjectKind kind) {
        return indicators.stream().filter(indicator -> indicator.subjects().contains(kind)).toList();
    }

    /** The penalties that apply to a kind of subject, in order. */
    public List<RubricPenalty> penaltiesFor(ScoredSubjectKind kind) {
        return penalties.stream().filter(penalty -> penalty.subjects().contains(kind)).toList();
    }

    public Optional<RubricIndicator> indicator(String code) {
        return indicators.stream().filter(indicator -> indicator.code().equals(code)).findFirst();
    }

    /** The points the indicators for a kind of subject are worth together. */
    public BigDecimal weightFor(ScoredSubjectKind kind) {
        return indicatorsFor(kind).stream().map(RubricIndicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
