package cn.gov.lvliang.ledger.command.demo;

import cn.gov.lvliang.ledger.command.calendar.OfficeHoursCheck;
import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The steps a demo generator stored, read back from the event store in each aggregate's order, and checked. */
final class StoredSteps {

    /** One stored event: whose, which, of what type (its simple name), and when it happened in business terms. */
    record Step(String aggregateId, long sequence, String type, Instant businessTime) {

        String describe() {
            return aggregateId + "#" + sequence + " " + type + " at " + businessTime;
        }
    }

    private record Row(String aggregateId, long sequence, String type, String payload) {
    }

    private StoredSteps() {
    }

    /** Every event of the package {@code eventPackage} but those of the types {@code except}, by aggregate. */
    static List<Step> of(JdbcClient jdbc, ObjectMapper objectMapper, String eventPackage, String... except) {
        Set<String> excluded = Set.of(except);
        return jdbc.sql("""
                        SELECT aggregateidentifier, sequencenumber, payloadtype, convert_from(payload, 'UTF8')
                        FROM domainevententry WHERE payloadtype LIKE :package
                        ORDER BY aggregateidentifier, sequencenumber""")
                .param("package", eventPackage + ".%")
                .query((row, n) -> new Row(row.getString(1), row.getLong(2),
                        row.getString(3).substring(eventPackage.length() + 1), row.getString(4)))
                .list().stream()
                .filter(row -> !excluded.contains(row.type()))
                .map(row -> new Step(row.aggregateId(), row.sequence(), row.type(),
                        businessTime(objectMapper, row.payload())))
                .toList();
    }

    /** The steps that lie before the step before them in their aggregate, described. */
    static List<String> outOfOrder(List<Step> steps) {
        Map<String, Instant> lastOfAggregate = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Step step : steps) {
            Instant previous = lastOfAggregate.put(step.aggregateId(), step.businessTime());
            if (previous != null && step.businessTime().isBefore(previous)) {
                wrong.add(step.describe() + " lies before the step before it, at " + previous);
            }
        }
        return wrong;
    }

    /** The steps outside office hours on a working day ({@link OfficeHoursCheck}), described. */
    static List<String> outsideOfficeHours(List<Step> steps, WorkingCalendar calendar) {
        return steps.stream().filter(step -> !OfficeHoursCheck.inOfficeHours(step.businessTime(), calendar))
                .map(step -> step.describe() + " is not in office hours on a working day")
                .toList();
    }

    private static Instant businessTime(ObjectMapper objectMapper, String payload) {
        try {
            return Instant.parse(objectMapper.readTree(payload).get("businessTime").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored payload is not JSON: " + payload, e);
        }
    }
}
