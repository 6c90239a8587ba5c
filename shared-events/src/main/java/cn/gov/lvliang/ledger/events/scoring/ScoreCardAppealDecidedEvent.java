package cn.gov.lvliang.ledger.events.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The inspection team decided an appeal against a score card, with its reasons. A granted appeal corrects the score by
 * its points; a dismissed one leaves it as it was.
 *
 * @param cardId       the card
 * @param appealId     the appeal
 * @param outcome      granted or dismissed
 * @param pointsDelta  the correction (zero when dismissed), two decimals
 * @param reason       the reasons
 * @param inspector    the user id of the inspector who decided it
 * @param totalAfter   the card's total after the decision
 * @param businessTime when it was decided
 */
@Revision("1")
public record ScoreCardAppealDecidedEvent(
        String cardId,
        String appealId,
        AppealOutcome outcome,
        BigDecimal pointsDelta,
        String reason,
        String inspector,
        BigDecimal totalAfter,
        Instant businessTime) implements ScoreCardEvent {
}
