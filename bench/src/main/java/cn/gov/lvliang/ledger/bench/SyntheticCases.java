package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.RawBaselines.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Appends whole bundle cases to {@code domainevententry} in bulk ({@code COPY}), shaped as Axon's JDBC event store
 * writes them: one row per event, Jackson JSON payloads and metadata stored as UTF-8 bytes, the real events' payload
 * types and revisions, ISO-8601 timestamps with milliseconds, sequence numbers 0, 1, 2... per case. Field names and
 * sizes follow what the bench's command load stores (a submission of about 1.3 KB with encrypted applicant fields,
 * steps of 120–250 bytes, about 300 bytes of metadata). No command made them, so no read model knows them; they
 * exist so that the real sealer can seal, and the verifiers check, a journal of 10⁵–10⁶ events in minutes.
 */
final class SyntheticCases {

    private static final String PACKAGE = "cn.gov.lvliang.ledger.events.bundle.";
    private static final int ROWS_PER_COPY = 20_000;
    private static final List<String> UNITS = List.of("CITY_HRSS", "CITY_MEDICAL_SECURITY", "CITY_HOUSING_FUND",
            "CITY_TAX", "CITY_MARKET_REGULATION", "CITY_POLICE");
    private static final List<String> ITEMS = List.of("《创业就业证》申领-就业登记", "档案的接收和转递",
            "灵活就业人员参加养老保险登记", "基本医疗保险参保登记和变更登记", "公积金缴存业务-灵活就业人员个人账户设立",
            "灵活就业人员社会保险费申报");

    private final Database database;
    private final SplittableRandom random;
    private final HexFormat hex = HexFormat.of();
    private Instant clock;

    /** @param seed the same seed gives the same cases; give another one for every batch appended to one database */
    SyntheticCases(Database database, long seed) {
        this.database = database;
        this.random = new SplittableRandom(seed);
        this.clock = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Appends exactly {@code events} rows (the last case may stop part-way, like a case still in progress). */
    long append(long events) throws SQLException, IOException {
        long written = 0;
        try (Connection connection = database.connect()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder(ROWS_PER_COPY * 1400);
            int buffered = 0;
            while (written < events) {
                List<Event> bundleCase = bundleCase();
                for (int sequence = 0; sequence < bundleCase.size() && written < events; sequence++) {
                    row(rows, bundleCase.get(sequence), sequence);
                    written++;
                    if (++buffered == ROWS_PER_COPY) {
                        copy(copy, rows);
                        buffered = 0;
                    }
                }
            }
            if (buffered > 0) {
                copy(copy, rows);
            }
        }
        return written;
    }

    private static void copy(CopyManager copy, StringBuilder rows) throws SQLException, IOException {
        copy.copyIn("COPY domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, "
                + "payloadtype, payloadrevision, payload, metadata) FROM STDIN", new StringReader(rows.toString()));
        rows.setLength(0);
    }

    /** One row in COPY's text format; no value holds a tab, newline or backslash, bytea is {@code \\x} and hex. */
    private void row(StringBuilder rows, Event event, int sequence) {
        clock = clock.plusMillis(1);
        rows.append(uuid()).append('\t').append(event.caseId()).append('\t').append(sequence).append('\t')
                .append("BundleCase\t").append(clock).append('\t').append(PACKAGE).append(event.type()).append('\t')
                .append(event.revision()).append('\t');
        event.payload().put("businessTime", clock.toString());
        bytea(rows, event.payload()).append('\t');
        bytea(rows, metadata()).append('\n');
    }

    private StringBuilder bytea(StringBuilder rows, ObjectNode json) {
        try {
            return rows.append("\\\\x").append(hex.formatHex(Json.MAPPER.writeValueAsBytes(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bundle case from submission to rating: 13 to 19 events, as the command load's bundle cases have. */
    private List<Event> bundleCase() {
        String caseId = uuid();
        int items = 3 + random.nextInt(4);
        String lead = UNITS.get(random.nextInt(UNITS.size()));
        List<Event> events = new ArrayList<>();

        ObjectNode submitted = payload(caseId).put("bundleCode", "2024-1" + random.nextInt(10))
                .put("catalogVersion", 1).put("leadUnit", lead);
        ArrayNode list = submitted.putArray("items");
        for (int seq = 1; seq <= items; seq++) {
            list.addObject().put("seq", seq).put("name", ITEMS.get(seq - 1)).put("responsibleUnit",
                    UNITS.get(seq - 1));
        }
        ObjectNode applicant = submitted.putObject("applicant").put("kind", "PERSON");
        String subject = "ds1_" + base64(32).replace('+', '-').replace('/', '_').replace("=", "");
        for (String field : List.of("name", "identifier", "phone")) {
            applicant.putObject(field).put("encrypted", "AES-256-GCM").put("subject", subject).put("key", 5)
                    .put("value", base64(field.equals("identifier") ? 46 : 34));
        }
        submitted.put("divisionCode", "141102").put("channel", "ONLINE_PLATFORM");
        events.add(new Event(caseId, "BundleCaseSubmittedEvent", "2", submitted));
        events.add(new Event(caseId, "VisitRecordedEvent", "1", payload(caseId).put("visitNumber", 1)
                .put("hallCode", "141102-HALL").put("windowCode", "141102-HALL-W0" + (1 + random.nextInt(8)))
                .put("purpose", "SUBMISSION")));
        ObjectNode materials = payload(caseId);
        materials.putArray("submitted").add("申请表").add("身份证明");
        materials.putArray("waived").addObject().put("name", "营业执照").put("basis", "E_LICENCE");
        events.add(new Event(caseId, "MaterialsRecordedEvent", "1", materials));
        events.add(new Event(caseId, "BundleCaseAcceptedEvent", "1", payload(caseId).put("actingUnit",
                "CITY_APPROVAL").put("timeLimitWorkingDays", 1).put("dueDate", "2026-12-07")
                .put("atRiskFrom", "2026-12-07")));
        for (int seq = 1; seq <= items; seq++) {
            events.add(new Event(caseId, "ItemDispatchedEvent", "1", payload(caseId).put("actingUnit",
                    "CITY_APPROVAL").put("itemSeq", seq).put("responsibleUnit", UNITS.get(seq - 1))
                    .put("timeLimitWorkingDays", 1).put("dueDate", "2026-12-07")));
        }
        for (int seq = 1; seq <= items; seq++) {
            events.add(new Event(caseId, "ItemApprovedEvent", "1", payload(caseId).put("actingUnit",
                    UNITS.get(seq - 1)).put("itemSeq", seq).put("result", "JY" + seq)));
        }
        events.add(new Event(caseId, "BundleCaseConcludedEvent", "1", payload(caseId).put("actingUnit", lead)
                .put("outcome", "APPROVED").put("approvedItems", items).put("rejectedItems", 0)));
        events.add(new Event(caseId, "ResultDeliveredEvent", "1", payload(caseId).put("method", "POSTAL")));
        ObjectNode rated = payload(caseId).put("score", 5);
        rated.putArray("reasons").add("办事快");
        events.add(new Event(caseId, "ServiceRatedEvent", "1", rated));
        return events;
    }

    private static ObjectNode payload(String caseId) {
        return Json.MAPPER.createObjectNode().put("caseId", caseId);
    }

    /** The metadata the command side's interceptors attach to every event of a request. */
    private ObjectNode metadata() {
        String trace = uuid();
        return Json.MAPPER.createObjectNode().put("traceId", trace).put("httpCorrelationId", uuid())
                .put("requestId", "bench-" + uuid()).put("actorRole", "IMPORTER").put("correlationId", trace)
                .put("clientAddress", "127.0.0.1").put("actorUser", "importer");
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String base64(int bytes) {
        byte[] value = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            value[i] = (byte) random.nextInt(256);
        }
        return Base64.getEncoder().encodeToString(value);
    }

    private record Event(String caseId, String type, String revision, ObjectNode payload) {
    }
}
