package cn.gov.lvliang.ledger.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Field-by-field changes between two states, as JSON trees: nested fields are named by their path
 * ({@code rating.score}, {@code money.recoveredFen}), list elements by their identity where they have one
 * ({@code items[seq=2].status}, {@code complaints[complaintId=C-1].resolvedAt}, {@code visits[number=1].purpose},
 * {@code measures[measureId=M1].completedAt}, {@code petitions[petitionId=PT-1].handled},
 * {@code recoveries[recoveryNumber=2].amountFen}, {@code refundRounds[roundNumber=1].roundTotalFen},
 * {@code criminalMilestones[milestone=INDICTED].reachedAt}, {@code provinces[code=410000].addedAt},
 * {@code plan.milestones[seq=1].completedAt}) and by position otherwise ({@code materials[3].name},
 * {@code scale[1].estimatedAmountFen}). A list of plain values ({@code rating.reasons}, {@code clueIds}) is one field;
 * an empty list is none.
 */
final class StateDiff {

    /** The fields that name a list element, in the order they are looked for. */
    private static final List<String> IDENTITIES = List.of("seq", "number", "complaintId", "measureId", "petitionId",
            "recoveryNumber", "roundNumber", "milestone", "code");

    private StateDiff() {
    }

    static List<FieldChange> between(JsonNode before, JsonNode after) {
        Map<String, JsonNode> from = flatten(before);
        Map<String, JsonNode> to = flatten(after);
        Set<String> fields = new LinkedHashSet<>(from.keySet());
        fields.addAll(to.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = from.getOrDefault(field, NullNode.getInstance());
            JsonNode is = to.getOrDefault(field, NullNode.getInstance());
            if (!Objects.equals(was, is)) {
                changes.add(new FieldChange(field, was, is));
            }
        }
        return changes;
    }

    static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (node != null && !node.isNull()) {
            flatten("", node, fields);
        }
        return fields;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> fields) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), fields);
            }
        } else if (node.isArray() && node.isEmpty()) {
            // An empty list holds no field: its elements appear (from null) once there are some.
            return;
        } else if (node.isArray() && node.get(0).isObject()) {
            for (int index = 0; index < node.size(); index++) {
                flatten(path + "[" + elementName(node.get(index), index) + "]", node.get(index), fields);
            }
        } else if (!node.isNull()) {
            fields.put(path, node);
        }
    }

    private static String elementName(JsonNode element, int index) {
        for (String identity : IDENTITIES) {
            JsonNode value = element.get(identity);
            if (value != null && value.isValueNode()) {
                return identity + "=" + value.asText();
            }
        }
        return String.valueOf(index);
    }

    /**
     * One field that changed.
     *
     * @param field the field's path
     * @param from  its value before, {@code null} if it had none
     * @param to    its value after, {@code null} if it has none
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FieldChange(String field, JsonNode from, JsonNode to) {
    }
}
