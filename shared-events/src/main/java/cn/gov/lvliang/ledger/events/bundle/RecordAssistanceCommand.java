package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records assisted or proxy handling (帮办代办) of the case.
 *
 * @param caseId the case
 * @param assistant who assisted: a staff number or the service point's name, never an identity number
 * @param kind assisted, proxy or full proxy
 * @param steps the steps the assistant took on
 * @param businessTime when it happened in business terms
 */
public record RecordAssistanceCommand(
        @TargetAggregateIdentifier String caseId,
        String assistant,
        AssistanceKind kind,
        List<String> steps,
        Instant businessTime) {

    public RecordAssistanceCommand {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
