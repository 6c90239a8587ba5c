package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records an in-person visit of the applicant to a hall, for the "at most one visit" figure.
 *
 * @param caseId the case
 * @param hallCode the hall visited
 * @param windowCode the window, or {@code null}
 * @param purpose why the applicant came
 * @param businessTime when it happened in business terms
 */
public record RecordVisitCommand(
        @TargetAggregateIdentifier String caseId,
        String hallCode,
        String windowCode,
        VisitPurpose purpose,
        Instant businessTime) {
}
