package cn.gov.lvliang.ledger.events.scoring;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publishes a version of the scoring rubric into the ledger. The same version with the same content changes nothing;
 * the same version with other content is refused, since a change is a new version.
 *
 * @param rubricId     the rubric's identifier, {@value ScoringRubricPublishedEvent#RUBRIC_ID}
 * @param version      the rubric version
 * @param contentHash  the SHA-256 of the data file the version was read from
 * @param name         the rubric's title
 * @param source       the documents it rests on
 * @param indicators   its indicators
 * @param penalties    its deductions
 * @param businessTime when the version was published
 */
public record PublishScoringRubricCommand(
        @TargetAggregateIdentifier String rubricId,
        int version,
        String contentHash,
        String name,
        String source,
        List<RubricIndicator> indicators,
        List<RubricPenalty> penalties,
        Instant businessTime) {

    public PublishScoringRubricCommand {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        penalties = penalties == null ? List.of() : List.copyOf(penalties);
    }
}
