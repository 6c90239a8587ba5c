package cn.gov.lvliang.ledger.command.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * A data file of the command side (catalog, reference data, calendar), parsed, with the SHA-256 of its
 * exact bytes so that the ledger can record which content a version stood for.
 *
 * @param content     the parsed content
 * @param contentHash the SHA-256 of the file's bytes, hex encoded
 * @param <T>         the type the file parses into
 */
public record VersionedDataFile<T>(T content, String contentHash) {

    /** Reads a file shipped on the classpath. */
    public static <T> VersionedDataFile<T> read(ObjectMapper objectMapper, String resource, Class<T> type) {
        return read(objectMapper, new ClassPathResource(resource), type);
    }

    /** Reads a file from any location, such as an operator's newer copy of a shipped file. */
    public static <T> VersionedDataFile<T> read(ObjectMapper objectMapper, Resource resource, Class<T> type) {
        byte[] bytes;
        try (InputStream in = resource.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the data file " + resource, e);
        }
        try {
            return new VersionedDataFile<>(objectMapper.readValue(bytes, type), sha256(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse the data file " + resource, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
