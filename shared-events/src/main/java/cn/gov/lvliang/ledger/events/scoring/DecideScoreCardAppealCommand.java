package cn.gov.lvliang.ledger.events.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Decides an appeal against a score card; the inspector is the signed-in user.
 *
 * @param cardId       the card
 * @param appealId     the appeal
 * @param outcome      granted or dismissed
 * @param pointsDelta  the correction of a granted appeal, at most two decimals; zero or absent when dismissed
 * @param reason       the reasons
 * @param businessTime when it is decided
 */
public record DecideScoreCardAppealCommand(
        @TargetAggregateIdentifier String cardId,
        String appealId,
        AppealOutcome outcome,
        BigDecimal pointsDelta,
        String reason,
        Instant businessTime) {
}
