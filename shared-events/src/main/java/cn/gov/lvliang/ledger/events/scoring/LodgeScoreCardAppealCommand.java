package cn.gov.lvliang.ledger.events.scoring;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Appeals against an issued score card, for the assessed county or lead unit; the appellant is the signed-in user.
 *
 * @param cardId        the card
 * @param appealId      the new appeal's id
 * @param indicatorCode the indicator it contests, or {@code null} for the card as a whole
 * @param grounds       the grounds
 * @param evidence      the evidence, possibly none
 * @param businessTime  when it is lodged
 */
public record LodgeScoreCardAppealCommand(
        @TargetAggregateIdentifier String cardId,
        String appealId,
        String indicatorCode,
        String grounds,
        List<String> evidence,
        Instant businessTime) {

    public LodgeScoreCardAppealCommand {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
