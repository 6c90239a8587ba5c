package cn.gov.lvliang.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Asks the as-of state and diff endpoints over HTTP, and reads their answers the way the tests compare them. */
final class AsOfApi {

    private final TestRestTemplate http;
    private final ObjectMapper objectMapper;

    AsOfApi(TestRestTemplate http, ObjectMapper objectMapper) {
        this.http = http;
        this.objectMapper = objectMapper;
    }

    /** The answer to a GET that must succeed. */
    JsonNode get(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return Json.parse(response.getBody());
    }

    /** A state as the API writes it: through the application's own object mapper. */
    JsonNode asWritten(CaseState state) {
        try {
            return Json.parse(objectMapper.writeValueAsString(state));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sequence numbers of the events a state view was folded from, in the order folded. */
    static List<Long> sequences(JsonNode view) {
        return StreamSupport.stream(view.get("events").spliterator(), false)
                .map(event -> event.get("sequence").asLong()).toList();
    }

    /** The types of the events between the two instants of a diff. */
    static List<String> typesBetween(JsonNode diff) {
        return StreamSupport.stream(diff.get("eventsBetween").spliterator(), false)
                .map(event -> event.get("type").asText()).toList();
    }

    /** A diff's changes by field path. */
    static Map<String, JsonNode> changes(JsonNode diff) {
        return StreamSupport.stream(diff.get("changes").spliterator(), false)
                .collect(Collectors.toMap(change -> change.get("field").asText(), change -> change));
    }
}
