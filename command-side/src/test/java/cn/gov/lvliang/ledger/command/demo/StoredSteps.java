package cn.gov.lvliang.ledger.command.demo;

import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The steps a demo generator stored, read back from the event store in each aggregate's order. */
final class StoredSteps {

    /** One stored event: whose, which, of what type (its simple name), and when it happened in business terms. */
    record Step(String aggregateId, long sequence, String type, Instant businessTime) {

        String describe() {
            return aggregateId + "#" + sequence + " " + type + " at " + businessTime;
        }
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
                .query((row, n) -> new String[] {row.getString(1), row.getString(2),
                        row.getString(3).substring(eventPackage.length() + 1), row.getString(4)})
                .list().stream()
                .filter(row -> !excluded.contains(row[2]))
                .map(row -> new Step(row[0], Long.parseLong(row[1]), row[2], businessTime(objectMapper, row[3])))
                .toList();
    }

    /** Whether {@code at} lies in a session of office hours, 08:30–11:50 or 14:30–17:20 Beijing, on a working day. */
    static boolean inOfficeHours(Instant at, WorkingCalendar calendar) {
        LocalTime time = LocalTime.ofInstant(at, WorkingCalendar.ZONE);
        boolean inASession = !time.isBefore(LocalTime.of(8, 30)) && !time.isAfter(LocalTime.of(11, 50))
                || !time.isBefore(LocalTime.of(14, 30)) && !time.isAfter(LocalTime.of(17, 20));
        return inASession && calendar.isWorkingDay(calendar.dateOf(at));
    }

    private static Instant businessTime(ObjectMapper objectMapper, String payload) {
        try {
            return Instant.parse(objectMapper.readTree(payload).get("businessTime").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored payload is not JSON: " + payload, e);
        }
    }
}
