package cn.gov.lvliang.ledger.events.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The inspection team adjusted an issued score card by hand (人工调整), with its reasons and evidence: for what the
 * ledger cannot see, such as serious adverse impact (造成严重不良影响), or a fact recorded wrongly.
 *
 * @param cardId        the card
 * @param adjustmentId  the adjustment
 * @param indicatorCode the indicator it concerns, or {@code null} for the card as a whole
 * @param pointsDelta   the points added (positive) or taken (negative), two decimals
 * @param reason        why
 * @param evidence      the evidence: document numbers, files, case ids
 * @param inspector     the user id of the inspector who made it
 * @param totalAfter    the card's total after it
 * @param businessTime  when it was made
 */
@Revision("1")
public record ScoreCardAdjustedEvent(
        String cardId,
        String adjustmentId,
        String indicatorCode,
        BigDecimal pointsDelta,
        String reason,
        List<String> evidence,
        String inspector,
        BigDecimal totalAfter,
        Instant businessTime) implements ScoreCardEvent {

    public ScoreCardAdjustedEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
