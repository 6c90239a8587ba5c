package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A disposal case was opened from verified risk clues.
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param divisionCode the county-level division that handles it
 * @param name the case's name
 * @param subject whom it is about
 * @param keyArea the key area it falls in
 * @param clueIds the clues it was opened from
 * @param estimatedAmountFen the estimated amount raised in fen, or {@code null}
 * @param estimatedParticipants the estimated number of participants, or {@code null}
 * @param crossProvince whether the case reaches beyond Shanxi
 * @param provinces the other provinces involved
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record DisposalCaseOpenedEvent(
        String caseId,
        String actingUnit,
        String divisionCode,
        String name,
        FundraisingSubject subject,
        KeyArea keyArea,
        List<String> clueIds,
        Long estimatedAmountFen,
        Integer estimatedParticipants,
        boolean crossProvince,
        List<String> provinces,
        Instant businessTime) implements DisposalCaseEvent {

    public DisposalCaseOpenedEvent {
        clueIds = clueIds == null ? List.of() : List.copyOf(clueIds);
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
    }
}
