package cn.gov.lvliang.ledger.query.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Which events of a case's audit trail to show. Every part is optional ({@code null}, or no types) and they combine
 * with AND.
 *
 * @param from  the first instant of the range, inclusive
 * @param to    the last instant of the range, inclusive
 * @param axis  which time the range applies to; an event without a business time is outside any business range
 * @param user  the acting user ({@code actorUser})
 * @param unit  the acting unit: the metadata's {@code actorUnit} or the payload's {@code actingUnit}
 * @param types event types by simple name, any of them
 */
record AuditTrailFilter(Instant from, Instant to, TimeAxis axis, String user, String unit, Set<String> types) {

    AuditTrailFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    boolean matches(AuditTrailEntry entry) {
        Instant time = axis == TimeAxis.BUSINESS ? entry.businessTime() : entry.recordedAt();
        if (from != null && (time == null || time.isBefore(from))) {
            return false;
        }
        if (to != null && (time == null || time.isAfter(to))) {
            return false;
        }
        if (user != null && !user.equals(entry.actor().user())) {
            return false;
        }
        if (unit != null && !unit.equals(entry.actor().unit()) && !unit.equals(entry.actingUnit())) {
            return false;
        }
        return types.isEmpty() || types.contains(entry.eventType());
    }

    /** The filter in words, for the printed page. */
    String describe() {
        StringBuilder text = new StringBuilder();
        if (from != null || to != null) {
            text.append(axis == TimeAxis.BUSINESS ? "业务时间 " : "记录时间 ")
                    .append(from == null ? "…" : AuditTrailHtml.beijing(from)).append(" 至 ")
                    .append(to == null ? "…" : AuditTrailHtml.beijing(to)).append("；");
        }
        if (user != null) {
            text.append("操作人 ").append(user).append("；");
        }
        if (unit != null) {
            text.append("单位 ").append(unit).append("；");
        }
        if (!types.isEmpty()) {
            text.append("事件类型 ").append(String.join("、", types.stream().sorted().toList())).append("；");
        }
        return text.length() == 0 ? "无（全部事件）" : text.substring(0, text.length() - 1);
    }
}
