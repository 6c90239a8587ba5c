package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A risk clue was recorded in the risk-clue ledger (风险线索台账).
 *
 * <p>Revision 2 stores the reporter's handle and contact encrypted under the reporter's key
 * ({@link cn.gov.lvliang.ledger.events.personaldata.PersonalData}); revision 1 stored them in clear and still reads as
 * it was.
 *
 * @param clueId the risk clue
 * @param recordingUnit the code of the unit that recorded it
 * @param source where it came from
 * @param divisionCode the county-level division it concerns
 * @param keyArea the key area it falls in
 * @param subject whom it is about
 * @param summary what was found or reported
 * @param estimatedAmountFen the estimated amount raised in fen, or {@code null}
 * @param estimatedParticipants the estimated number of participants, or {@code null}
 * @param reporter who reported it, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("2")
public record RiskClueRecordedEvent(
        String clueId,
        String recordingUnit,
        ClueSource source,
        String divisionCode,
        KeyArea keyArea,
        FundraisingSubject subject,
        String summary,
        Long estimatedAmountFen,
        Integer estimatedParticipants,
        Reporter reporter,
        Instant businessTime) implements RiskClueEvent {
}
