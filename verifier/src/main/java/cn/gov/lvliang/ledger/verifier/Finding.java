package cn.gov.lvliang.ledger.verifier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One broken link. {@code position} is the journal position it was found at (for an inserted row, the position it
 * sits before; for a checkpoint, the first position the checkpoint could no longer vouch for).
 */
public record Finding(
        Tampering kind,
        Long position,
        Long globalIndex,
        String caseId,
        Long sequenceNumber,
        Long checkpointId,
        List<String> changedFields,
        String detail) {

    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("kind", kind.name());
        json.put("position", position);
        json.put("globalIndex", globalIndex);
        json.put("caseId", caseId);
        json.put("sequenceNumber", sequenceNumber);
        if (checkpointId != null) {
            json.put("checkpointId", checkpointId);
        }
        if (changedFields != null && !changedFields.isEmpty()) {
            changedFields.forEach(json.putArray("changedFields")::add);
        }
        json.put("detail", detail);
        return json;
    }

    public String toText() {
        StringBuilder text = new StringBuilder(kind.name());
        if (position != null) {
            text.append(" at position ").append(position);
        }
        if (globalIndex != null) {
            text.append(", global index ").append(globalIndex);
        }
        if (caseId != null) {
            text.append(", case ").append(caseId);
        }
        if (sequenceNumber != null) {
            text.append(" #").append(sequenceNumber);
        }
        if (checkpointId != null) {
            text.append(", checkpoint ").append(checkpointId);
        }
        return text.append(": ").append(detail).toString();
    }

    /** Findings about single rows and journal entries come before whole-checkpoint ones. */
    boolean isLocal() {
        return kind != Tampering.CHECKPOINT_MISMATCH && kind != Tampering.CHECKPOINT_SIGNATURE_INVALID;
    }
}
