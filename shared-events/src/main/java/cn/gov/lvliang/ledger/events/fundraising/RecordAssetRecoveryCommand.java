package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records assets recovered for the participants (追赃挽损).
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param kind what kind of asset
 * @param amountFen the value recovered in fen
 * @param description what was recovered, e.g. 冻结银行账户资金
 * @param businessTime when it happened in business terms
 */
public record RecordAssetRecoveryCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        AssetKind kind,
        long amountFen,
        String description,
        Instant businessTime) {
}
