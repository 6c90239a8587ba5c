package cn.gov.lvliang.ledger.events.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adjusts an issued score card by hand, with reasons and evidence. The inspector is the signed-in user.
 *
 * @param cardId        the card
 * @param adjustmentId  the new adjustment's id
 * @param indicatorCode the indicator it concerns, or {@code null} for the card as a whole
 * @param pointsDelta   the points added (positive) or taken (negative), at most two decimals, not zero
 * @param reason        why
 * @param evidence      at least one piece of evidence
 * @param businessTime  when it is made
 */
public record AdjustScoreCardCommand(
        @TargetAggregateIdentifier String cardId,
        String adjustmentId,
        String indicatorCode,
        BigDecimal pointsDelta,
        String reason,
        List<String> evidence,
        Instant businessTime) {

    public AdjustScoreCardCommand {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
