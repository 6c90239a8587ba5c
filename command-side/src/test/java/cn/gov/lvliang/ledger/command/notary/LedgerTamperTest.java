package cn.gov.lvliang.ledger.command.notary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every kind of tampering with the event table on PostgreSQL is detected by POST /api/ledger/verification and
 * located: its kind, journal position, case and sequence. Each test tampers with SQL, checks the report, then puts
 * the table back exactly and checks that the ledger verifies again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerTamperTest {

    private static final List<String> TABLES = List.of("domainevententry", "ledger_journal", "ledger_head",
            "ledger_checkpoint");

    private LedgerApp app;
    private String caseA;
    private String caseB;

    @BeforeAll
    void start() throws Exception {
        app = new LedgerApp(LedgerApp.newSchema("notary_tamper"), Files.createTempDirectory("ledger-tamper"));
        caseA = app.caseWithThreeEvents("赵六");
        caseB = app.caseWithThreeEvents("钱七");
        app.caseWithThreeEvents("孙八");
        JsonNode checkpoint = app.sealAndCheckpoint();
        assertThat(checkpoint.get("size").asLong()).isEqualTo(
                app.jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single());
    }

    @AfterAll
    void stop() {
        app.close();
        LedgerApp.dropSchema(app.schema);
    }

    @AfterEach
    void verifiesAgainOnceRepaired() {
        JsonNode report = app.verify();
        assertThat(report.get("ok").asBoolean()).as(report.toPrettyString()).isTrue();
    }

    @Test
    void anUntouchedLedger_verifies_withNothingPending() {
        JsonNode report = app.verify();

        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("firstBrokenLink").isNull()).isTrue();
        assertThat(report.get("journalEntries").asLong()).isEqualTo(report.get("eventRows").asLong());
        assertThat(report.get("pendingRows").asLong()).isZero();
        assertThat(report.get("checkpointsChecked").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(app.get("/api/ledger/cases/" + caseA + "/verification").get("status").asText())
                .isEqualTo("VERIFIED");
    }

    @Test
    void anEditedPayload_isFoundAtItsCaseAndSequence() {
        long position = app.position(caseA, 1);
        byte[] original = payload(caseA, 1);
        setPayload(caseA, 1, new String(original, StandardCharsets.UTF_8).replace("2025-03-03", "2025-03-04")
                .getBytes(StandardCharsets.UTF_8));

        assertFirstBrokenLink(app.verify(), "PAYLOAD_CHANGED", position, caseA, 1);
        JsonNode badge = app.get("/api/ledger/cases/" + caseA + "/verification");
        assertThat(badge.get("status").asText()).isEqualTo("FAILED");
        assertThat(badge.get("failures").toString()).contains("EVENT_ALTERED").contains("#1");
        assertThat(app.get("/api/ledger/cases/" + caseB + "/verification").get("status").asText())
                .isEqualTo("VERIFIED");

        setPayload(caseA, 1, original);
    }

    private byte[] payload(String caseId, long sequence) {
        return app.jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = :id "
                + "AND sequencenumber = :s").param("id", caseId).param("s", sequence)
                .query((row, n) -> row.getBytes(1)).single();
    }

    private void setPayload(String caseId, long sequence, byte[] payload) {
        assertThat(app.jdbc.sql("UPDATE domainevententry SET payload = :p WHERE aggregateidentifier = :id "
                + "AND sequencenumber = :s").param("p", payload).param("id", caseId).param("s", sequence)
                .update()).isEqualTo(1);
    }

    @Test
    void editedMetadata_isFoundAsSuch() {
        long position = app.position(caseB, 2);
        String original = app.jdbc.sql("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = :id AND sequencenumber = 2").param("id", caseB)
                .query(String.class).single();
        app.jdbc.sql("UPDATE domainevententry SET metadata = convert_to(:m, 'UTF8') "
                        + "WHERE aggregateidentifier = :id AND sequencenumber = 2")
                .param("m", original.replace("{", "{\"requestId2\":\"forged\",")).param("id", caseB).update();

        JsonNode report = app.verify();
        assertFirstBrokenLink(report, "METADATA_CHANGED", position, caseB, 2);
        assertThat(report.get("findingCount").asLong()).isEqualTo(1);

        app.jdbc.sql("UPDATE domainevententry SET metadata = convert_to(:m, 'UTF8') "
                        + "WHERE aggregateidentifier = :id AND sequencenumber = 2")
                .param("m", original).param("id", caseB).update();
    }

    @Test
    void anEditedTimestamp_isFoundAsSuch() {
        long position = app.position(caseA, 0);
        String original = app.jdbc.sql("SELECT timestamp FROM domainevententry WHERE aggregateidentifier = :id "
                + "AND sequencenumber = 0").param("id", caseA).query(String.class).single();
        app.jdbc.sql("UPDATE domainevententry SET timestamp = '2024-01-02T00:00:00Z' "
                + "WHERE aggregateidentifier = :id AND sequencenumber = 0").param("id", caseA).update();

        JsonNode link = assertFirstBrokenLink(app.verify(), "TIMESTAMP_CHANGED", position, caseA, 0);
        assertThat(link.get("detail").asText()).contains("2024-01-02T00:00:00Z").contains(original);

        app.jdbc.sql("UPDATE domainevententry SET timestamp = :t WHERE aggregateidentifier = :id "
                + "AND sequencenumber = 0").param("t", original).param("id", caseA).update();
    }

    @Test
    void aDeletedRow_isFoundWhereItWasSealed() {
        long position = app.position(caseB, 1);
        app.jdbc.sql("CREATE TABLE saved_row AS SELECT * FROM domainevententry WHERE aggregateidentifier = :id "
                + "AND sequencenumber = 1").param("id", caseB).update();
        app.jdbc.sql("DELETE FROM domainevententry WHERE aggregateidentifier = :id AND sequencenumber = 1")
                .param("id", caseB).update();

        assertFirstBrokenLink(app.verify(), "ROW_DELETED", position, caseB, 1);
        JsonNode badge = app.get("/api/ledger/cases/" + caseB + "/verification");
        assertThat(badge.get("status").asText()).isEqualTo("FAILED");
        assertThat(badge.get("failures").toString()).contains("SEQUENCE_GAP");

        app.jdbc.sql("INSERT INTO domainevententry SELECT * FROM saved_row").update();
        app.jdbc.sql("DROP TABLE saved_row").update();
    }

    @Test
    void aRowInsertedIntoHistory_isNeverSealed_andFound() {
        // A forged step of case A, slipped in below the sealed events with a back-dated timestamp.
        app.jdbc.sql("""
                INSERT INTO domainevententry (globalindex, eventidentifier, aggregateidentifier, sequencenumber, type,
                    timestamp, payloadtype, payloadrevision, payload, metadata)
                SELECT 0, 'forged-event', aggregateidentifier, 99, type, '2025-03-03T02:30:00Z', payloadtype,
                    payloadrevision, payload, metadata
                FROM domainevententry WHERE aggregateidentifier = :id AND sequencenumber = 1""")
                .param("id", caseA).update();

        JsonNode report = app.verify();
        JsonNode link = assertFirstBrokenLink(report, "ROW_INSERTED", 0, caseA, 99);
        assertThat(link.get("globalIndex").asLong()).isZero();
        assertThat(app.jdbc.sql("SELECT count(*) FROM ledger_journal WHERE global_index = 0").query(Long.class)
                .single()).isZero();

        app.jdbc.sql("DELETE FROM domainevententry WHERE globalindex = 0").update();
    }

    @Test
    void twoSwappedRows_areFoundAsReordered() {
        long positionA = app.position(caseA, 2);
        long positionB = app.position(caseB, 1);
        long a = app.globalIndex(caseA, 2);
        long b = app.globalIndex(caseB, 1);
        swap(a, b);

        JsonNode report = app.verify();
        JsonNode link = assertFirstBrokenLink(report, "ROWS_REORDERED", Math.min(positionA, positionB),
                positionA < positionB ? caseA : caseB, positionA < positionB ? 2 : 1);
        assertThat(link.get("detail").asText()).contains("sealed at position " + Math.max(positionA, positionB));
        assertThat(report.get("findingCount").asLong()).isEqualTo(2);

        swap(a, b);
    }

    @Test
    void aTableTruncatedAndRefilledFromAnOlderBackup_noLongerReproducesTheLatestCheckpoint() {
        long backupSize = app.get("/api/ledger/checkpoints/latest").get("size").asLong();
        copyTables("backup_");
        String caseC = app.caseWithThreeEvents("周九");
        JsonNode newer = app.sealAndCheckpoint();
        assertThat(newer.get("size").asLong()).isEqualTo(backupSize + 3);
        copyTables("current_");

        // Only the event table restored: the journal still has the newer events, whose rows are gone.
        app.jdbc.sql("TRUNCATE domainevententry").update();
        app.jdbc.sql("INSERT INTO domainevententry SELECT * FROM backup_domainevententry").update();
        assertFirstBrokenLink(app.verify(), "ROW_DELETED", backupSize, caseC, 0);

        // The whole database restored, journal and checkpoint table too: the archived checkpoint gives it away.
        for (String table : TABLES) {
            app.jdbc.sql("TRUNCATE " + table).update();
            app.jdbc.sql("INSERT INTO " + table + " SELECT * FROM backup_" + table).update();
        }
        JsonNode report = app.verify();
        JsonNode link = assertFirstBrokenLink(report, "CHECKPOINT_MISMATCH", backupSize, null, null);
        assertThat(link.get("checkpointId").asLong()).isEqualTo(newer.get("id").asLong());
        assertThat(link.get("detail").asText()).contains("covers " + (backupSize + 3));
        // and the ledger refuses to sign a checkpoint over the restored history
        assertThat(app.status("/api/ledger/checkpoints/" + newer.get("id").asLong())).isEqualTo(404);

        for (String table : TABLES) {
            app.jdbc.sql("TRUNCATE " + table).update();
            app.jdbc.sql("INSERT INTO " + table + " SELECT * FROM current_" + table).update();
            app.jdbc.sql("DROP TABLE backup_" + table).update();
            app.jdbc.sql("DROP TABLE current_" + table).update();
        }
    }

    @Test
    void aRewrittenJournal_thatMatchesTheRows_stillBreaksTheSignedCheckpoint() {
        long position = app.position(caseA, 1);
        app.jdbc.sql("CREATE TABLE saved_journal AS SELECT * FROM ledger_journal").update();
        // The forger edits the payload and rewrites the journal's leaf and digest to match (but cannot re-sign).
        byte[] original = payload(caseA, 1);
        setPayload(caseA, 1, new String(original, StandardCharsets.UTF_8).replace("2025-03-03", "2025-03-04")
                .getBytes(StandardCharsets.UTF_8));
        JsonNode before = app.verify();
        assertThat(before.get("firstBrokenLink").get("kind").asText()).isEqualTo("PAYLOAD_CHANGED");
        app.jdbc.sql("UPDATE ledger_journal SET leaf_sha256 = :leaf WHERE position = :p")
                .param("leaf", new byte[32]).param("p", position).update();

        JsonNode report = app.verify();
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("findings").toString()).contains("JOURNAL_ALTERED").contains("CHECKPOINT_MISMATCH");

        setPayload(caseA, 1, original);
        app.jdbc.sql("TRUNCATE ledger_journal").update();
        app.jdbc.sql("INSERT INTO ledger_journal SELECT * FROM saved_journal").update();
        app.jdbc.sql("DROP TABLE saved_journal").update();
    }

    /**
     * The commit-order trap: a transaction that took a lower global index commits after one with a higher index.
     * The lower one is sealed at the later position, and the ledger verifies.
     */
    @Test
    void aLowerGlobalIndexCommittingLate_isSealedAfter_andTheLedgerVerifies() throws Exception {
        DataSource dataSource = app.context.getBean(DataSource.class);
        String insert = """
                INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,
                    payloadtype, payloadrevision, payload, metadata)
                VALUES (?, ?, 0, 'Probe', ?, 'probe.ProbeEvent', '1', convert_to('{}', 'UTF8'), NULL)""";
        long late;
        long early;
        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            late = insertProbe(slow, insert, "probe-late-" + System.nanoTime());
            early = insertProbe(fast, insert, "probe-early-" + System.nanoTime());
            assertThat(late).isLessThan(early);
            app.post("/api/ledger/seal", "");
            slow.commit();
        }
        app.post("/api/ledger/seal", "");

        long latePosition = app.jdbc.sql("SELECT position FROM ledger_journal WHERE global_index = :g")
                .param("g", late).query(Long.class).single();
        long earlyPosition = app.jdbc.sql("SELECT position FROM ledger_journal WHERE global_index = :g")
                .param("g", early).query(Long.class).single();
        assertThat(latePosition).isGreaterThan(earlyPosition);
        JsonNode report = app.verify();
        assertThat(report.get("ok").asBoolean()).as(report.toPrettyString()).isTrue();
        app.sealAndCheckpoint();
    }

    private static long insertProbe(Connection connection, String sql, String aggregate) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"globalindex"})) {
            statement.setString(1, aggregate);
            statement.setString(2, aggregate);
            statement.setString(3, java.time.Instant.now().toString());
            statement.executeUpdate();
            try (var keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void swap(long a, long b) {
        app.jdbc.sql("UPDATE domainevententry SET globalindex = -1 WHERE globalindex = :a").param("a", a).update();
        app.jdbc.sql("UPDATE domainevententry SET globalindex = :a WHERE globalindex = :b").param("a", a)
                .param("b", b).update();
        app.jdbc.sql("UPDATE domainevententry SET globalindex = :b WHERE globalindex = -1").param("b", b).update();
    }

    private void copyTables(String prefix) {
        for (String table : TABLES) {
            app.jdbc.sql("CREATE TABLE " + prefix + table + " AS SELECT * FROM " + table).update();
        }
    }

    private static JsonNode assertFirstBrokenLink(JsonNode report, String kind, long position, String caseId,
                                                  Integer sequence) {
        assertThat(report.get("ok").asBoolean()).as(report.toPrettyString()).isFalse();
        JsonNode link = report.get("firstBrokenLink");
        assertThat(link.get("kind").asText()).as(report.toPrettyString()).isEqualTo(kind);
        assertThat(link.get("position").asLong()).as(report.toPrettyString()).isEqualTo(position);
        if (caseId != null) {
            assertThat(link.get("caseId").asText()).isEqualTo(caseId);
            assertThat(link.get("sequenceNumber").asLong()).isEqualTo(sequence.longValue());
        }
        return link;
    }
}
