package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.query.support.Feed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds one case's events to the projection in order, numbering them as the event store would (from 0), each
 * recorded one second after its business time.
 */
final class CaseEvents {

    static final String AGGREGATE_TYPE = "BundleCase";

    private final Feed feed;
    private final List<BundleCaseEvent> applied = new ArrayList<>();

    private CaseEvents(BundleCaseProjection projection) {
        this.feed = Feed.into(projection);
    }

    static CaseEvents into(BundleCaseProjection projection) {
        return new CaseEvents(projection);
    }

    CaseEvents apply(BundleCaseEvent... events) {
        return apply(List.of(events));
    }

    CaseEvents apply(List<? extends BundleCaseEvent> events) {
        for (BundleCaseEvent event : events) {
            deliver(applied.size(), event, recordedAt(event));
            applied.add(event);
        }
        return this;
    }

    /** Delivers every event applied so far once more, with its own sequence but a later recorded time. */
    void redeliverAll() {
        for (int sequence = 0; sequence < applied.size(); sequence++) {
            deliver(sequence, applied.get(sequence), recordedAt(applied.get(sequence)).plusSeconds(3600));
        }
    }

    /** The sequence the next event gets. */
    long nextSequence() {
        return applied.size();
    }

    private void deliver(long sequence, BundleCaseEvent event, Instant recordedAt) {
        feed.domainEvent(AGGREGATE_TYPE, event.caseId(), sequence, event, recordedAt);
    }

    static Instant recordedAt(BundleCaseEvent event) {
        return event.businessTime().plusSeconds(1);
    }
}
