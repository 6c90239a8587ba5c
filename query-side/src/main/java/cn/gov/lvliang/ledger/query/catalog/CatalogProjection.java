package cn.gov.lvliang.ledger.query.catalog;

import cn.gov.lvliang.ledger.events.catalog.BundleCatalogPublishedEvent;
import cn.gov.lvliang.ledger.events.catalog.BundleMark;
import cn.gov.lvliang.ledger.events.catalog.BundleSubject;
import cn.gov.lvliang.ledger.events.catalog.CatalogBundle;
import cn.gov.lvliang.ledger.events.catalog.CatalogItem;
import cn.gov.lvliang.ledger.query.infra.StringLists;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import cn.gov.lvliang.ledger.query.rebuild.RebuildableProjection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * The bundle catalog read model: every published version with its bundles and items, names exactly as printed.
 * Every version is kept, since each case names the version it was opened under. Writes go through {@link #sql}, so
 * that a rebuild can run a second instance into shadow tables (docs/audit-and-rebuild.md).
 */
@Component
@ProcessingGroup(CatalogProjection.PROCESSING_GROUP)
class CatalogProjection implements RebuildableProjection {

    static final String PROCESSING_GROUP = "reference-data";

    /** Every table of this read model, children first. */
    static final List<String> TABLES = List.of("catalog_item", "catalog_bundle", "catalog_publication");

    private final JdbcClient jdbc;
    private final ProjectionTables tables;

    @Autowired
    CatalogProjection(JdbcClient jdbc) {
        this(jdbc, ProjectionTables.LIVE);
    }

    private CatalogProjection(JdbcClient jdbc, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Object writingTo(ProjectionTables tables) {
        return new CatalogProjection(jdbc, tables);
    }

    @EventHandler
    void on(BundleCatalogPublishedEvent event, @Timestamp Instant recordedAt) {
        // A version is never edited, so a version already present (a redelivery) changes nothing.
        int inserted = sql("""
                        INSERT INTO catalog_publication (version, catalog_id, content_hash, title, source,
                            published_at, recorded_at)
                        SELECT :version, :catalogId, :contentHash, :title, :source, :publishedAt, :recordedAt
                        WHERE NOT EXISTS (SELECT 1 FROM catalog_publication WHERE version = :version)""")
                .param("version", event.version())
                .param("catalogId", event.catalogId())
                .param("contentHash", event.contentHash())
                .param("title", event.title())
                .param("source", event.source())
                .param("publishedAt", event.businessTime().atOffset(ZoneOffset.UTC))
                .param("recordedAt", recordedAt.atOffset(ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            return;
        }
        for (CatalogBundle bundle : event.bundles()) {
            sql("""
                            INSERT INTO catalog_bundle (catalog_version, code, seq, name, mark, target_year, subject,
                                lead_unit)
                            VALUES (:version, :code, :seq, :name, :mark, :year, :subject, :leadUnit)""")
                    .param("version", event.version())
                    .param("code", bundle.code())
                    .param("seq", bundle.seq())
                    .param("name", bundle.name())
                    .param("mark", bundle.mark().name())
                    .param("year", bundle.year())
                    .param("subject", bundle.subject().name())
                    .param("leadUnit", bundle.leadUnit())
                    .update();
            for (CatalogItem item : bundle.items()) {
                sql("""
                                INSERT INTO catalog_item (catalog_version, bundle_code, seq, name, unit, co_units)
                                VALUES (:version, :bundleCode, :seq, :name, :unit, :coUnits)""")
                        .param("version", event.version())
                        .param("bundleCode", bundle.code())
                        .param("seq", item.seq())
                        .param("name", item.name())
                        .param("unit", item.unit())
                        .param("coUnits", StringLists.toJson(item.coUnits()))
                        .update();
            }
        }
    }

    @ResetHandler
    void reset() {
        tables.clear(jdbc, TABLES);
    }

    /** A write on the tables this instance writes: the live ones, or a rebuild's. */
    private JdbcClient.StatementSpec sql(String statement) {
        return tables.sql(jdbc, statement);
    }

    /** The asked-for version, or the latest one; empty if that version (or any) was not published. */
    @QueryHandler
    Optional<CatalogView> handle(FindCatalogQuery query) {
        Optional<Integer> version = query.version() != null ? Optional.of(query.version())
                : jdbc.sql("SELECT MAX(version) FROM catalog_publication").query(Integer.class).optional();
        return version.flatMap(this::catalog);
    }

    private Optional<CatalogView> catalog(int version) {
        Map<String, List<CatalogView.ItemView>> itemsByBundle = jdbc.sql("""
                        SELECT * FROM catalog_item WHERE catalog_version = :version ORDER BY bundle_code, seq""")
                .param("version", version)
                .query((row, rowNumber) -> Map.entry(row.getString("bundle_code"), new CatalogView.ItemView(
                        row.getInt("seq"),
                        row.getString("name"),
                        row.getString("unit"),
                        StringLists.fromJson(row.getString("co_units")))))
                .stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<CatalogView.BundleView> bundles = jdbc.sql("""
                        SELECT * FROM catalog_bundle WHERE catalog_version = :version ORDER BY seq, code""")
                .param("version", version)
                .query((row, rowNumber) -> bundle(row, itemsByBundle))
                .list();
        return jdbc.sql("SELECT * FROM catalog_publication WHERE version = :version")
                .param("version", version)
                .query((row, rowNumber) -> new CatalogView(
                        row.getInt("version"),
                        row.getString("title"),
                        row.getString("source"),
                        row.getString("content_hash"),
                        row.getObject("published_at", OffsetDateTime.class).toInstant(),
                        bundles))
                .optional();
    }

    private static CatalogView.BundleView bundle(ResultSet row, Map<String, List<CatalogView.ItemView>> items)
            throws SQLException {
        String code = row.getString("code");
        return new CatalogView.BundleView(
                code,
                row.getInt("seq"),
                row.getString("name"),
                BundleMark.valueOf(row.getString("mark")),
                row.getInt("target_year"),
                BundleSubject.valueOf(row.getString("subject")),
                row.getString("lead_unit"),
                items.getOrDefault(code, List.of()));
    }
}
