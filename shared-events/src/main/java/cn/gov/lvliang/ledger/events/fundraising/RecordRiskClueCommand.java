package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a risk clue in the risk-clue ledger (风险线索台账).
 *
 * @param clueId the risk clue
 * @param recordingUnit the code of the unit recording it
 * @param source where it came from
 * @param divisionCode the county-level division (GB/T 2260 code) it concerns
 * @param keyArea the key area it falls in
 * @param subject whom it is about
 * @param summary what was found or reported
 * @param estimatedAmountFen the estimated amount raised in fen, or {@code null} when unknown
 * @param estimatedParticipants the estimated number of participants, or {@code null} when unknown
 * @param reporter who reported it, for a public report or a petition; otherwise {@code null}
 * @param businessTime when it happened in business terms
 */
public record RecordRiskClueCommand(
        @TargetAggregateIdentifier String clueId,
        String recordingUnit,
        ClueSource source,
        String divisionCode,
        KeyArea keyArea,
        FundraisingSubject subject,
        String summary,
        Long estimatedAmountFen,
        Integer estimatedParticipants,
        Reporter reporter,
        Instant businessTime) {
}
