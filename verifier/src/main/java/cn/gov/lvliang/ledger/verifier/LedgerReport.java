package cn.gov.lvliang.ledger.verifier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The result of recomputing the ledger from the database.
 *
 * @param firstBrokenLink the earliest finding on a row or journal entry; failing those, the first checkpoint finding
 * @param pendingRows     committed rows not sealed yet (the sealer takes them within one interval)
 */
public record LedgerReport(
        boolean ok,
        HashAlgorithm algorithm,
        String verifiedAt,
        long journalEntries,
        long eventRows,
        long pendingRows,
        int checkpointsChecked,
        Checkpoint latestCheckpoint,
        Finding firstBrokenLink,
        List<Finding> findings,
        long findingCount,
        long elapsedMillis) {

    public long rowsPerSecond() {
        return elapsedMillis == 0 ? journalEntries * 1000 : journalEntries * 1000 / elapsedMillis;
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("ok", ok);
        json.put("algorithm", algorithm.label());
        json.put("verifiedAt", verifiedAt);
        json.put("journalEntries", journalEntries);
        json.put("eventRows", eventRows);
        json.put("pendingRows", pendingRows);
        json.put("checkpointsChecked", checkpointsChecked);
        if (latestCheckpoint != null) {
            json.putObject("latestCheckpoint").put("id", latestCheckpoint.id())
                    .put("size", latestCheckpoint.size()).put("time", latestCheckpoint.time());
        } else {
            json.putNull("latestCheckpoint");
        }
        json.set("firstBrokenLink", firstBrokenLink == null ? null : firstBrokenLink.toJson());
        json.put("findingCount", findingCount);
        ArrayNode list = json.putArray("findings");
        findings.forEach(f -> list.add(f.toJson()));
        json.put("elapsedMillis", elapsedMillis);
        json.put("rowsPerSecond", rowsPerSecond());
        return json;
    }

    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(ok ? "OK" : "TAMPERED").append(": ").append(journalEntries).append(" sealed events checked with ")
                .append(algorithm.label()).append(" in ").append(elapsedMillis).append(" ms (")
                .append(rowsPerSecond()).append(" rows/s); ").append(eventRows).append(" event rows, ")
                .append(pendingRows).append(" pending sealing; ").append(checkpointsChecked)
                .append(" checkpoint(s) checked");
        if (latestCheckpoint != null) {
            text.append(", latest ").append(latestCheckpoint.id()).append(" (size ").append(latestCheckpoint.size())
                    .append(", ").append(latestCheckpoint.time()).append(')');
        }
        text.append('\n');
        if (firstBrokenLink != null) {
            text.append("first broken link: ").append(firstBrokenLink.toText()).append('\n');
            text.append(findingCount).append(" finding(s):\n");
            findings.forEach(f -> text.append("  ").append(f.toText()).append('\n'));
        }
        return text.toString();
    }
}
