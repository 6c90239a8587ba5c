package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead department grants the reporter of a clue a reward (举报奖励).
 *
 * @param clueId the risk clue
 * @param actingUnit the code of the unit that acted
 * @param amountFen the reward in fen
 * @param note the basis of the reward, or {@code null}
 * @param businessTime when it happened in business terms
 */
public record RewardClueReporterCommand(
        @TargetAggregateIdentifier String clueId,
        String actingUnit,
        long amountFen,
        String note,
        Instant businessTime) {
}
