package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead department opens a disposal case (案件处置) from one or more verified risk clues.
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param divisionCode the county-level division (GB/T 2260 code) that handles it
 * @param name the case's name, e.g. 某某公司涉嫌非法集资案
 * @param subject whom it is about
 * @param keyArea the key area it falls in
 * @param clueIds the clues it is opened from, at least one
 * @param estimatedAmountFen the estimated amount raised in fen, or {@code null} when unknown
 * @param estimatedParticipants the estimated number of participants, or {@code null} when unknown
 * @param crossProvince whether the case reaches beyond Shanxi (跨省)
 * @param provinces the other provinces involved (GB/T 2260 province codes such as {@code 610000}); empty unless
 *                  cross-province
 * @param businessTime when it happened in business terms
 */
public record OpenDisposalCaseCommand(
        @TargetAggregateIdentifier String caseId,
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
        Instant businessTime) {

    public OpenDisposalCaseCommand {
        clueIds = clueIds == null ? List.of() : List.copyOf(clueIds);
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
    }
}
