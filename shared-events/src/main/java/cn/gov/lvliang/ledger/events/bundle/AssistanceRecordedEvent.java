package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Assisted or proxy handling (帮办代办) was given on the case.
 *
 * @param caseId the case
 * @param assistant who assisted
 * @param kind assisted, proxy or full proxy
 * @param steps the steps taken on
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record AssistanceRecordedEvent(
        String caseId,
        String assistant,
        AssistanceKind kind,
        List<String> steps,
        Instant businessTime) implements BundleCaseEvent {

    public AssistanceRecordedEvent {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
