package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A unit orders an administrative measure on a case (行政处置).
 *
 * @param caseId the disposal case
 * @param measureId the measure's identifier, chosen by the command side
 * @param kind which measure
 * @param orderingUnit the code of the unit that orders it and answers for it
 * @param dueDate by when it is to be complied with, or {@code null}
 * @param amountFen the amount concerned in fen (a fine, a refund ordered, a value seized), or {@code null}
 * @param description what exactly is ordered
 * @param businessTime when it happened in business terms
 */
public record OrderMeasureCommand(
        @TargetAggregateIdentifier String caseId,
        String measureId,
        MeasureKind kind,
        String orderingUnit,
        LocalDate dueDate,
        Long amountFen,
        String description,
        Instant businessTime) {
}
