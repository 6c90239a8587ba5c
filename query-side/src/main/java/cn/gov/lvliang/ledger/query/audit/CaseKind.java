package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kinds of case the as-of view can replay: each an aggregate whose events implement one sealed interface, with
 * its own fold. A case's kind is read from the types of its events, so the view needs no register of case ids, and
 * a case whose events are not all of one kind's has no as-of view.
 */
public enum CaseKind {

    /** A "one thing" bundle case (一件事). */
    BUNDLE_CASE(new Folding<>(BundleCaseEvent.class, BundleCaseEvent::businessTime, BundleCaseState::fold)),

    /** A clue of the illegal-fundraising risk-clue ledger (风险线索). */
    RISK_CLUE(new Folding<>(RiskClueEvent.class, RiskClueEvent::businessTime, RiskClueState::fold)),

    /** An illegal-fundraising disposal case (案件处置), opened from clues or imported as a legacy case. */
    DISPOSAL_CASE(new Folding<>(DisposalCaseEvent.class, DisposalCaseEvent::businessTime, DisposalCaseState::fold));

    private final Folding<?> folding;

    CaseKind(Folding<?> folding) {
        this.folding = folding;
    }

    /** The kind of case the event belongs to, if it is one of these kinds' events. */
    static Optional<CaseKind> ofEvent(Object payload) {
        return Arrays.stream(values()).filter(kind -> kind.folding.owns(payload)).findFirst();
    }

    /** The kind of case all these events belong to, if they are all one kind's. */
    static Optional<CaseKind> of(List<TimelineEvent> events) {
        return Arrays.stream(values())
                .filter(kind -> events.stream().allMatch(event -> kind.folding.owns(event.payload())))
                .findFirst();
    }

    /** When the fact happened in business terms, as the event of this kind says; {@code null} if it does not. */
    Instant businessTime(Object payload) {
        return folding.businessTime(payload);
    }

    /** The state these events of a case of this kind make, folded in the order given. */
    CaseState fold(List<TimelineEvent> events) {
        return folding.fold(events);
    }

    /** A kind's sealed event type, where its events carry their business time, and its fold. */
    private record Folding<E>(Class<E> events, Function<E, Instant> businessTime,
                              Function<List<E>, CaseState> fold) {

        boolean owns(Object payload) {
            return events.isInstance(payload);
        }

        Instant businessTime(Object payload) {
            return businessTime.apply(events.cast(payload));
        }

        CaseState fold(List<TimelineEvent> timeline) {
            return fold.apply(timeline.stream().map(event -> events.cast(event.payload())).toList());
        }
    }
}
