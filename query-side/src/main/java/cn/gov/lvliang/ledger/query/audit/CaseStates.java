package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A case's state at a past instant and the changes between two, folded from the case's own events each time, on
 * either time axis.
 */
@Component
class CaseStates {

    private final CaseTimeline timeline;
    private final ObjectMapper objectMapper;

    CaseStates(CaseTimeline timeline, ObjectMapper objectMapper) {
        this.timeline = timeline;
        this.objectMapper = objectMapper;
    }

    CaseStateView asOf(String caseId, TimeAxis axis, Instant asOf) {
        List<TimelineEvent> events = axis.asOf(bundleCase(caseId), asOf);
        return new CaseStateView(caseId, axis, asOf, events.size(), events.stream().map(TimelineEvent::ref).toList(),
                events.isEmpty() ? null : fold(events));
    }

    CaseDiffView diff(String caseId, TimeAxis axis, Instant from, Instant to) {
        List<TimelineEvent> all = bundleCase(caseId);
        List<TimelineEvent> before = axis.asOf(all, from);
        List<TimelineEvent> after = axis.asOf(all, to);
        Set<Long> known = before.stream().map(TimelineEvent::sequence).collect(Collectors.toSet());
        return new CaseDiffView(caseId, axis, from, to,
                after.stream().filter(event -> !known.contains(event.sequence())).map(TimelineEvent::ref).toList(),
                StateDiff.between(tree(before), tree(after)));
    }

    private List<TimelineEvent> bundleCase(String caseId) {
        List<TimelineEvent> events = timeline.of(caseId);
        if (!events.stream().allMatch(event -> event.payload() instanceof BundleCaseEvent)) {
            throw new NotFoundException("No as-of view for case " + caseId + " yet: its events ("
                    + events.get(0).type() + ", ...) are not a bundle case's; its audit trail shows them");
        }
        return events;
    }

    private JsonNode tree(List<TimelineEvent> events) {
        return events.isEmpty() ? null : objectMapper.valueToTree(fold(events));
    }

    private static BundleCaseState fold(List<TimelineEvent> events) {
        return BundleCaseState.fold(events.stream().map(event -> (BundleCaseEvent) event.payload()).toList());
    }
}
