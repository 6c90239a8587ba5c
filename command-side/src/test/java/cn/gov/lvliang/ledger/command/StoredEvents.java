package cn.gov.lvliang.ledger.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads what the event store holds for an aggregate, as tests check it: each event's payload and metadata. */
public final class StoredEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredEvents() {
    }

    /** The aggregate's stored events of a type, each as {@code {"payload": …, "metadata": …}}, in order. */
    public static List<JsonNode> of(JdbcClient jdbc, String aggregateId, String type) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') AS payload, convert_from(metadata, 'UTF8') AS metadata
                        FROM domainevententry WHERE aggregateidentifier = :id AND payloadtype LIKE :type
                        ORDER BY sequencenumber""")
                .param("id", aggregateId).param("type", "%." + type)
                .query((row, n) -> {
                    ObjectNode event = MAPPER.createObjectNode();
                    event.set("payload", json(row.getString("payload")));
                    event.set("metadata", json(row.getString("metadata")));
                    return (JsonNode) event;
                })
                .list();
    }

    /** The aggregate's one stored event of a type. */
    public static JsonNode single(JdbcClient jdbc, String aggregateId, String type) {
        List<JsonNode> events = of(jdbc, aggregateId, type);
        if (events.size() != 1) {
            throw new AssertionError(aggregateId + " has " + events.size() + " " + type + "s, not one");
        }
        return events.get(0);
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(text, e);
        }
    }
}
