package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The reporter of a clue was granted a reward (举报奖励). Carries the reporter's handle, so that an anonymous reporter
 * can claim it, and nothing that identifies the reporter.
 *
 * @param clueId the risk clue
 * @param actingUnit the code of the unit that acted
 * @param reporterHandle the channel's reference for the reporter
 * @param anonymous whether the reporter is anonymous
 * @param amountFen the reward in fen
 * @param note the basis of the reward, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record RiskClueReporterRewardedEvent(
        String clueId,
        String actingUnit,
        String reporterHandle,
        boolean anonymous,
        long amountFen,
        String note,
        Instant businessTime) implements RiskClueEvent {
}
