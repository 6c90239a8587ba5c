package cn.gov.lvliang.ledger.events.scoring;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A version of the scoring rubric (考核评分细则) was published. Every version stays: a score names the version it was
 * computed under, and can be computed again under it at any time.
 *
 * @param rubricId     the rubric's identifier, {@value #RUBRIC_ID}
 * @param version      the rubric version
 * @param contentHash  the SHA-256 of the data file the version was read from
 * @param name         the rubric's title
 * @param source       the documents it rests on
 * @param indicators   its indicators, in the order the score cards list them
 * @param penalties    its deductions
 * @param businessTime when the version was published
 */
@Revision("1")
public record ScoringRubricPublishedEvent(
        String rubricId,
        int version,
        String contentHash,
        String name,
        String source,
        List<RubricIndicator> indicators,
        List<RubricPenalty> penalties,
        Instant businessTime) {

    /** The one rubric the ledger keeps, in versions. */
    public static final String RUBRIC_ID = "scoring-rubric";

    public ScoringRubricPublishedEvent {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        penalties = penalties == null ? List.of() : List.copyOf(penalties);
    }
}
