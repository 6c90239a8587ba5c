package cn.gov.lvliang.ledger.query.dashboard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The plan's yearly targets, read from {@code targets/reform-targets-v1.json} (see the README beside it for the
 * source and for how each is measured).
 */
@Component
public class ReformTargets {

    static final String FILE = "targets/reform-targets-v1.json";

    private final Document document;

    ReformTargets(ObjectMapper objectMapper) {
        this.document = read(objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }

    public Source source() {
        return document.source();
    }

    public List<Target> targets() {
        return document.targets();
    }

    /** The years the targets are set for, in order. */
    public List<Integer> years() {
        return List.copyOf(new TreeSet<>(targets().stream().map(Target::year).toList()));
    }

    private static Document read(ObjectMapper mapper) {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            Document document = mapper.readValue(in, Document.class);
            document.targets().forEach(Target::check);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
    }

    /** The data file. */
    record Document(int version, Source source, List<Target> targets) {

        Document {
            Objects.requireNonNull(source, "source");
            targets = List.copyOf(targets);
        }
    }

    /**
     * Where the targets come from.
     *
     * @param document    the document number, e.g. 吕政发〔2024〕9号
     * @param title       its title
     * @param issuedOn    the day it was issued
     * @param publishedIn the gazette that printed it
     */
    public record Source(String document, String title, LocalDate issuedOn, String publishedIn) {
    }

    /**
     * One yearly target.
     *
     * @param id         stable key
     * @param year       the year it is for
     * @param measure    what the ledger measures it with
     * @param comparison how the value is meant
     * @param value      the number, unless the comparison is {@link Comparison#TEXT}
     * @param text       the wording of a target that is not a number
     * @param clause     the clause of the plan that sets it
     * @param quote      the clause's words
     */
    public record Target(String id, int year, TargetMeasure measure, Comparison comparison, Long value, String text,
                         String clause, String quote) {

        void check() {
            if (id == null || measure == null || comparison == null || quote == null) {
                throw new IllegalStateException(FILE + ": target " + id + " lacks id, measure, comparison or quote");
            }
            if ((comparison == Comparison.TEXT) != (value == null)) {
                throw new IllegalStateException(FILE + ": target " + id + " needs a value unless it is TEXT");
            }
        }
    }

    /** How a target's value is meant. */
    public enum Comparison {
        /** 不少于 / 不低于: met when the actual reaches the value. */
        AT_LEAST,
        /** 完成 N 个: met when the actual reaches the value. */
        EXACTLY,
        /** A target in words, such as a coverage. */
        TEXT
    }
}
