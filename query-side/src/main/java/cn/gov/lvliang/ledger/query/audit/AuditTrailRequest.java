package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters of the audit trail and its exports, as the request gives them; {@link #filter()} checks them.
 *
 * @param from the first instant or day (Beijing time) of the range
 * @param to   the last instant or day of the range
 * @param axis which time the range applies to
 * @param user the acting user
 * @param unit the acting unit
 * @param type event types
 */
record AuditTrailRequest(
        @Parameter(description = "Range start, inclusive: an instant (2025-03-03T01:30:00Z, "
                + "2025-03-03T09:30:00+08:00) or a day in Beijing time (2025-03-03)", example = "2025-03-03")
        String from,
        @Parameter(description = "Range end, inclusive: an instant, or a day in Beijing time (all of it)",
                example = "2025-03-07")
        String to,
        @Parameter(description = "Which time the range applies to: recorded (when the ledger recorded the event, the "
                + "default) or business (when it happened)", example = "business")
        String axis,
        @Parameter(description = "Acting user (metadata actorUser)")
        String user,
        @Parameter(description = "Acting unit: the metadata's actorUnit or the payload's actingUnit",
                example = "141102_APPROVAL")
        String unit,
        @Parameter(description = "Event type by simple name; repeat the parameter (or separate with commas) for any "
                + "of several", example = "ItemApprovedEvent")
        List<String> type) {

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    AuditTrailFilter filter() {
        TimeAxis timeAxis = TimeAxis.ofParameter("axis", axis);
        Instant start = TimeParameters.from("from", from);
        Instant end = TimeParameters.to("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidParameterException("from", "must not be after to (" + from + " > " + to + ")");
        }
        Set<String> types = new LinkedHashSet<>();
        if (type != null) {
            for (String value : type) {
                for (String name : value.split(",")) {
                    String trimmed = name.trim();
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    if (!TYPE_NAME.matcher(trimmed).matches()) {
                        throw new InvalidParameterException("type", "has an invalid value '" + trimmed
                                + "'; expected an event type's simple name such as ItemApprovedEvent");
                    }
                    types.add(trimmed);
                }
            }
        }
        return new AuditTrailFilter(start, end, timeAxis, blankToNull(user), blankToNull(unit), types);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
