package cn.gov.lvliang.ledger.query.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tampers with stored event rows the way someone with database rights could, and puts them back: for the tests that
 * show the ledger's proofs catching it.
 */
public final class EventRows {

    private EventRows() {
    }

    /** The payload bytes of a case's event, as stored. */
    public static byte[] payload(JdbcClient jdbc, String caseId, long sequence) {
        return jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = :id AND sequencenumber = :s")
                .param("id", caseId).param("s", sequence).query((row, n) -> row.getBytes(1)).single();
    }

    /** Overwrites the payload of a case's event with an SQL update, behind the application's back. */
    public static void setPayload(JdbcClient jdbc, String caseId, long sequence, byte[] payload) {
        int updated = jdbc.sql("UPDATE domainevententry SET payload = :p WHERE aggregateidentifier = :id "
                        + "AND sequencenumber = :s")
                .param("p", payload).param("id", caseId).param("s", sequence).update();
        if (updated != 1) {
            throw new IllegalStateException("no event " + caseId + " #" + sequence + " to tamper with");
        }
    }

    /** Where the ledger's journal sealed a case's event. */
    public static long journalPosition(JdbcClient jdbc, String caseId, long sequence) {
        return jdbc.sql("SELECT position FROM ledger_journal WHERE aggregate_id = :id AND sequence_number = :s")
                .param("id", caseId).param("s", sequence).query(Long.class).single();
    }
}
