package cn.gov.lvliang.ledger.events.fundraising;

import static cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind.REPORTER;

import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The reporter of a clue was granted a reward (举报奖励). Carries the reporter's handle, so that an anonymous reporter
 * can claim it, and nothing that identifies the reporter.
 *
 * <p>Revision 2 stores the handle encrypted under the reporter's key ({@link PersonalData}); revision 1 stored it in
 * clear and still reads as it was.
 *
 * @param clueId the risk clue
 * @param actingUnit the code of the unit that acted
 * @param reporterHandle the channel's reference for the reporter
 * @param anonymous whether the reporter is anonymous
 * @param amountFen the reward in fen
 * @param note the basis of the reward, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("2")
public record RiskClueReporterRewardedEvent(
        String clueId,
        String actingUnit,
        @PersonalData(subjectKind = REPORTER) String reporterHandle,
        boolean anonymous,
        long amountFen,
        String note,
        Instant businessTime) implements RiskClueEvent {
}
