package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An administrative measure was ordered; it is open until completed.
 *
 * @param caseId the disposal case
 * @param measureId the measure
 * @param kind which measure
 * @param orderingUnit the code of the unit that ordered it
 * @param dueDate by when it is to be complied with, or {@code null}
 * @param amountFen the amount concerned in fen, or {@code null}
 * @param description what exactly was ordered
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record MeasureOrderedEvent(
        String caseId,
        String measureId,
        MeasureKind kind,
        String orderingUnit,
        LocalDate dueDate,
        Long amountFen,
        String description,
        Instant businessTime) implements DisposalCaseEvent {
}
