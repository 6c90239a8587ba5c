package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Revises a case's estimated amount and participants as the investigation learns more.
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param estimatedAmountFen the new estimated amount in fen, or {@code null} when unknown
 * @param estimatedParticipants the new estimated participants, or {@code null} when unknown
 * @param note what the revision rests on, or {@code null}
 * @param businessTime when it happened in business terms
 */
public record ReviseCaseScaleCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        Long estimatedAmountFen,
        Integer estimatedParticipants,
        String note,
        Instant businessTime) {
}
