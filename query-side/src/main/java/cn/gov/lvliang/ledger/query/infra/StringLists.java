package cn.gov.lvliang.ledger.query.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Stores a short list of strings (materials asked for, aliases, co-units) as a JSON array in one VARCHAR column:
 * the lists are only ever shown, never filtered on, so a child table would buy nothing. Chinese text is kept as it
 * is, not escaped.
 */
public final class StringLists {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> LIST_OF_STRINGS = new TypeReference<>() {
    };

    private StringLists() {
    }

    public static String toJson(List<String> values) {
        try {
            return MAPPER.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings cannot be written as JSON", e);
        }
    }

    /** The list a column holds; an empty list for {@code null}. */
    public static List<String> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(MAPPER.readValue(json, LIST_OF_STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored list is not a JSON array of strings: " + json, e);
        }
    }
}
