package cn.gov.lvliang.ledger.command.reference;

import cn.gov.lvliang.ledger.command.infra.VersionedDataFile;
import cn.gov.lvliang.ledger.events.reference.Division;
import cn.gov.lvliang.ledger.events.reference.GovernmentUnit;
import cn.gov.lvliang.ledger.events.reference.ServiceHall;
import cn.gov.lvliang.ledger.events.reference.ServiceWindow;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Lvliang's divisions, units, halls and windows, loaded from the versioned reference-data file.
 */
@Component
public class ReferenceData {

    static final String RESOURCE = "reference/reference-data-v1.json";

    private final int version;
    private final String contentHash;
    private final ReferenceFile content;
    private final Map<String, Division> divisions;
    private final Map<String, GovernmentUnit> units;
    private final Map<String, ServiceHall> halls;

    public ReferenceData(ObjectMapper objectMapper) {
        VersionedDataFile<ReferenceFile> file = VersionedDataFile.read(objectMapper, RESOURCE, ReferenceFile.class);
        this.content = file.content();
        this.version = content.version();
        this.contentHash = file.contentHash();
        this.divisions = index(content.divisions(), Division::code);
        this.units = index(content.units(), GovernmentUnit::code);
        this.halls = index(content.halls(), ServiceHall::code);
    }

    public int version() {
        return version;
    }

    public String contentHash() {
        return contentHash;
    }

    public List<Division> divisions() {
        return content.divisions();
    }

    public List<GovernmentUnit> units() {
        return content.units();
    }

    public List<ServiceHall> halls() {
        return content.halls();
    }

    public Optional<Division> division(String code) {
        return Optional.ofNullable(code).map(divisions::get);
    }

    public Optional<GovernmentUnit> unit(String code) {
        return Optional.ofNullable(code).map(units::get);
    }

    public Optional<ServiceHall> hall(String code) {
        return Optional.ofNullable(code).map(halls::get);
    }

    public Optional<ServiceWindow> window(String hallCode, String windowCode) {
        return hall(hallCode).flatMap(hall -> hall.windows().stream()
                .filter(window -> window.code().equals(windowCode))
                .findFirst());
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
        return values.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    /** The shape of the data file. */
    record ReferenceFile(
            int version, List<Division> divisions, List<GovernmentUnit> units, List<ServiceHall> halls) {
    }
}
