package cn.gov.lvliang.ledger.query.reference;

import cn.gov.lvliang.ledger.events.reference.Division;
import cn.gov.lvliang.ledger.events.reference.DivisionKind;
import cn.gov.lvliang.ledger.events.reference.GovernmentUnit;
import cn.gov.lvliang.ledger.events.reference.ReferenceDataPublishedEvent;
import cn.gov.lvliang.ledger.events.reference.ServiceHall;
import cn.gov.lvliang.ledger.events.reference.ServiceWindow;
import cn.gov.lvliang.ledger.events.reference.UnitLevel;
import cn.gov.lvliang.ledger.events.reference.WindowKind;
import cn.gov.lvliang.ledger.query.infra.StringLists;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import cn.gov.lvliang.ledger.query.rebuild.RebuildableProjection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reference data read model: divisions, units, halls and their windows, in the latest published version. The
 * other read models join these tables for the Chinese names of the codes their events carry. Writes go through
 * {@link #sql}, so that a rebuild can run a second instance into shadow tables (docs/audit-and-rebuild.md).
 */
@Component
@ProcessingGroup(ReferenceDataProjection.PROCESSING_GROUP)
class ReferenceDataProjection implements RebuildableProjection {

    static final String PROCESSING_GROUP = "reference-data";

    /** Every table of this read model, windows before their halls. */
    static final List<String> TABLES = List.of("reference_window", "reference_hall", "reference_unit",
            "reference_division", "reference_publication");

    private final JdbcClient jdbc;
    private final ProjectionTables tables;

    @Autowired
    ReferenceDataProjection(JdbcClient jdbc) {
        this(jdbc, ProjectionTables.LIVE);
    }

    private ReferenceDataProjection(JdbcClient jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Object writingTo(ProjectionTables tables) {
        return new ReferenceDataProjection(jdbc, tables);
    }

    @EventHandler
    void on(ReferenceDataPublishedEvent event, @Timestamp Instant recordedAt) {
        Optional<Integer> current = sql("SELECT version FROM reference_publication WHERE reference_id = :id")
                .param("id", event.referenceId())
                .query(Integer.class)
                .optional();
        // Latest version wins: the same version again (a redelivery) or an older one changes nothing.
        if (current.isPresent() && current.get() >= event.version()) {
            return;
        }
        sql("DELETE FROM reference_window").update();
        sql("DELETE FROM reference_hall").update();
        sql("DELETE FROM reference_unit").update();
        sql("DELETE FROM reference_division").update();
        insertDivisions(event.divisions(), event.version());
        insertUnits(event.units(), event.version());
        insertHalls(event.halls(), event.version());
        sql("DELETE FROM reference_publication WHERE reference_id = :id").param("id", event.referenceId())
                .update();
        sql("""
                        INSERT INTO reference_publication (reference_id, version, content_hash, published_at,
                            recorded_at)
                        VALUES (:id, :version, :contentHash, :publishedAt, :recordedAt)""")
                .param("id", event.referenceId())
                .param("version", event.version())
                .param("contentHash", event.contentHash())
                .param("publishedAt", event.businessTime().atOffset(ZoneOffset.UTC))
                .param("recordedAt", recordedAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    @ResetHandler
    void reset() {
        tables.clear(jdbc, TABLES);
    }

    @QueryHandler
    List<DivisionView> handle(FindDivisionsQuery query) {
        return jdbc.sql("SELECT * FROM reference_division ORDER BY list_order, code")
                .query((row, rowNumber) -> new DivisionView(
                        row.getString("code"),
                        row.getString("name"),
                        row.getString("short_name"),
                        DivisionKind.valueOf(row.getString("kind")),
                        row.getInt("version")))
                .list();
    }

    @QueryHandler
    List<UnitView> handle(FindUnitsQuery query) {
        return jdbc.sql("SELECT * FROM reference_unit ORDER BY list_order, code")
                .query((row, rowNumber) -> new UnitView(
                        row.getString("code"),
                        row.getString("name"),
                        UnitLevel.valueOf(row.getString("unit_level")),
                        row.getString("division_code"),
                        row.getString("city_counterpart"),
                        StringLists.fromJson(row.getString("aliases")),
                        row.getInt("version")))
                .list();
    }

    @QueryHandler
    List<HallView> handle(FindHallsQuery query) {
        Map<String, List<HallView.WindowView>> windowsByHall = jdbc
                .sql("SELECT * FROM reference_window ORDER BY hall_code, list_order, code")
                .query((row, rowNumber) -> Map.entry(row.getString("hall_code"), new HallView.WindowView(
                        row.getString("code"),
                        row.getString("name"),
                        WindowKind.valueOf(row.getString("kind")))))
                .stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                        SELECT h.*, d.name AS division_name
                        FROM reference_hall h
                        LEFT JOIN reference_division d ON d.code = h.division_code
                        ORDER BY h.list_order, h.code""")
                .query((row, rowNumber) -> hall(row, windowsByHall))
                .list();
    }

    private static HallView hall(ResultSet row, Map<String, List<HallView.WindowView>> windowsByHall)
            throws SQLException {
        String code = row.getString("code");
        return new HallView(
                code,
                row.getString("name"),
                row.getString("division_code"),
                row.getString("division_name"),
                row.getInt("version"),
                windowsByHall.getOrDefault(code, List.of()));
    }

    /** A write on the tables this instance writes: the live ones, or a rebuild's. */
    private JdbcClient.StatementSpec sql(String statement) {
        return tables.sql(jdbc, statement);
    }

    private void insertDivisions(List<Division> divisions, int version) {
        int order = 0;
        for (Division division : divisions) {
            sql("""
                            INSERT INTO reference_division (code, name, short_name, kind, list_order, version)
                            VALUES (:code, :name, :shortName, :kind, :order, :version)""")
                    .param("code", division.code())
                    .param("name", division.name())
                    .param("shortName", division.shortName())
                    .param("kind", division.kind().name())
                    .param("order", order++)
                    .param("version", version)
                    .update();
        }
    }

    private void insertUnits(List<GovernmentUnit> units, int version) {
        int order = 0;
        for (GovernmentUnit unit : units) {
            sql("""
                            INSERT INTO reference_unit (code, name, unit_level, division_code, city_counterpart,
                                aliases, list_order, version)
                            VALUES (:code, :name, :level, :division, :cityCounterpart, :aliases, :order, :version)""")
                    .param("code", unit.code())
                    .param("name", unit.name())
                    .param("level", unit.level().name())
                    .param("division", unit.division())
                    .param("cityCounterpart", unit.cityCounterpart())
                    .param("aliases", StringLists.toJson(unit.aliases()))
                    .param("order", order++)
                    .param("version", version)
                    .update();
        }
    }

    private void insertHalls(List<ServiceHall> halls, int version) {
        int hallOrder = 0;
        for (ServiceHall hall : halls) {
            sql("""
                            INSERT INTO reference_hall (code, name, division_code, list_order, version)
                            VALUES (:code, :name, :division, :order, :version)""")
                    .param("code", hall.code())
                    .param("name", hall.name())
                    .param("division", hall.division())
                    .param("order", hallOrder++)
                    .param("version", version)
                    .update();
            int windowOrder = 0;
            for (ServiceWindow window : hall.windows()) {
                sql("""
                                INSERT INTO reference_window (code, hall_code, name, kind, list_order, version)
                                VALUES (:code, :hall, :name, :kind, :order, :version)""")
                        .param("code", window.code())
                        .param("hall", hall.code())
                        .param("name", window.name())
                        .param("kind", window.kind().name())
                        .param("order", windowOrder++)
                        .param("version", version)
                        .update();
            }
        }
    }
}
