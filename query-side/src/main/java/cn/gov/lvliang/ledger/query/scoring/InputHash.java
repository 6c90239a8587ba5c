package cn.gov.lvliang.ledger.query.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The input hash of a score: the SHA-256 of the canonical JSON of its {@link ScoreInputs}, hex encoded. Canonical
 * means one way to write the same inputs: properties in alphabetical order, no white space, nulls written, times as
 * ISO-8601 instants in UTC, decimals in plain notation; the inputs' lists are already sorted by their ids. It depends
 * on nothing configurable, so every node and every later version of the ledger writes the same bytes for the same
 * facts.
 */
final class InputHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private InputHash() {
    }

    /** The canonical JSON of the inputs. */
    static String canonicalJson(ScoreInputs inputs) {
        try {
            return CANONICAL.writeValueAsString(inputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Score inputs cannot be written as JSON", e);
        }
    }

    /** The SHA-256 of the canonical JSON, 64 hex digits. */
    static String of(ScoreInputs inputs) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(inputs).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
