package cn.gov.lvliang.ledger.events.scoring;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The assessed county or lead unit appealed against its score card (申诉), with grounds and evidence.
 *
 * @param cardId        the card
 * @param appealId      the appeal
 * @param indicatorCode the indicator it contests, or {@code null} for the card as a whole
 * @param grounds       the grounds
 * @param evidence      the evidence: document numbers, files, case ids
 * @param appellant     the user id of who lodged it
 * @param appellantUnit the unit they act for
 * @param businessTime  when it was lodged
 */
@Revision("1")
public record ScoreCardAppealLodgedEvent(
        String cardId,
        String appealId,
        String indicatorCode,
        String grounds,
        List<String> evidence,
        String appellant,
        String appellantUnit,
        Instant businessTime) implements ScoreCardEvent {

    public ScoreCardAppealLodgedEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
