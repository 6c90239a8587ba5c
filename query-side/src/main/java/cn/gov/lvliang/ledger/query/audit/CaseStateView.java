package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.audit.TimelineEvent.EventRef;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A case as it stood at an instant, folded from its own events.
 *
 * @param caseId        the case
 * @param kind          what kind of case it is, which decides the shape of {@code state}
 * @param axis          recorded (what the ledger knew at {@code asOf}) or business (what had happened by then)
 * @param asOf          the instant
 * @param eventsApplied how many of the case's events the state is made of
 * @param events        those events, in the order they were folded
 * @param state         the state, a {@link BundleCaseState}, {@link RiskClueState} or {@link DisposalCaseState} by
 *                      {@code kind}; {@code null} if none of the case's events stood at {@code asOf}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseStateView(String caseId, CaseKind kind, TimeAxis axis, Instant asOf, int eventsApplied,
                            List<EventRef> events, CaseState state) {
}
