package cn.gov.lvliang.ledger.query.audit;

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
 * either time axis, by the fold of the case's {@link CaseKind}.
 */
@Component
public class CaseStates {

    private final CaseTimeline timeline;
    private final ObjectMapper objectMapper;

    CaseStates(CaseTimeline timeline, ObjectMapper objectMapper) {
        this.timeline = timeline;
        this.objectMapper = objectMapper;
    }

    CaseStateView asOf(String caseId, TimeAxis axis, Instant asOf) {
        List<TimelineEvent> all = timeline.of(caseId);
        CaseKind kind = kind(caseId, all);
        List<TimelineEvent> events = axis.asOf(all, asOf);
        return new CaseStateView(caseId, kind, axis, asOf, events.size(),
                events.stream().map(TimelineEvent::ref).toList(), events.isEmpty() ? null : kind.fold(events));
    }

    /**
     * A bundle case as it stood at {@code asOf} on {@code axis}, with the events it is folded from.
     *
     * @throws NotFoundException for an unknown case, or one that is not a bundle case
     */
    public BundleCaseAsOf bundleCaseAsOf(String caseId, TimeAxis axis, Instant asOf) {
        List<TimelineEvent> all = timeline.of(caseId);
        if (kind(caseId, all) != CaseKind.BUNDLE_CASE) {
            throw new NotFoundException("No bundle case " + caseId);
        }
        List<TimelineEvent> events = axis.asOf(all, asOf);
        Set<Long> folded = events.stream().map(TimelineEvent::sequence).collect(Collectors.toSet());
        List<TimelineEvent> later = axis.asOf(all, Instant.MAX).stream()
                .filter(event -> !folded.contains(event.sequence())).toList();
        return new BundleCaseAsOf(caseId, axis, asOf,
                events.isEmpty() ? null : (BundleCaseState) CaseKind.BUNDLE_CASE.fold(events),
                events.stream().map(CaseStates::described).toList(),
                later.stream().map(CaseStates::described).toList());
    }

    private static BundleCaseAsOf.Event described(TimelineEvent event) {
        return new BundleCaseAsOf.Event(event.sequence(), event.type(), EventLabels.of(event.type()),
                event.businessTime(), event.recordedAt());
    }

    CaseDiffView diff(String caseId, TimeAxis axis, Instant from, Instant to) {
        List<TimelineEvent> all = timeline.of(caseId);
        CaseKind kind = kind(caseId, all);
        List<TimelineEvent> before = axis.asOf(all, from);
        List<TimelineEvent> after = axis.asOf(all, to);
        Set<Long> known = before.stream().map(TimelineEvent::sequence).collect(Collectors.toSet());
        return new CaseDiffView(caseId, kind, axis, from, to,
                after.stream().filter(event -> !known.contains(event.sequence())).map(TimelineEvent::ref).toList(),
                StateDiff.between(tree(kind, before), tree(kind, after)));
    }

    private static CaseKind kind(String caseId, List<TimelineEvent> events) {
        return CaseKind.of(events).orElseThrow(() -> new NotFoundException("No as-of view for case " + caseId
                + ": its events (" + events.get(0).type() + ", ...) are not those of a bundle case, a risk clue or a "
                + "disposal case; its audit trail shows them"));
    }

    private JsonNode tree(CaseKind kind, List<TimelineEvent> events) {
        return events.isEmpty() ? null : objectMapper.valueToTree(kind.fold(events));
    }
}
