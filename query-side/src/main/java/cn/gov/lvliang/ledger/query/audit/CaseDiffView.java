package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.audit.StateDiff.FieldChange;
import cn.gov.lvliang.ledger.query.audit.TimelineEvent.EventRef;
import java.time.Instant;
import java.util.List;

/**
 * What changed in a case between two instants on one time axis.
 *
 * @param caseId        the case
 * @param kind          what kind of case it is
 * @param axis          the time axis both instants are on
 * @param from          the earlier instant
 * @param to            the later instant
 * @param eventsBetween the events that stood at {@code to} but not at {@code from}
 * @param changes       every field whose value differs, with its value at {@code from} and at {@code to}
 */
public record CaseDiffView(String caseId, CaseKind kind, TimeAxis axis, Instant from, Instant to,
                           List<EventRef> eventsBetween, List<FieldChange> changes) {
}
