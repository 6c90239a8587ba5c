package cn.gov.lvliang.ledger.command.catalog;

import cn.gov.lvliang.ledger.command.infra.VersionedDataFile;
import cn.gov.lvliang.ledger.events.catalog.CatalogBundle;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The bundle catalog ("高效办成一件事"重点事项清单) the command side decides against, loaded from the versioned data
 * file transcribed from the gazette. A new catalog is a new file with a new version, never an edit of an old one.
 */
@Component
public class BundleCatalog {

    static final String RESOURCE = "catalog/bundle-catalog-v1.json";

    private final int version;
    private final String title;
    private final String source;
    private final String contentHash;
    private final Map<String, CatalogBundle> bundlesByCode;

    public BundleCatalog(ObjectMapper objectMapper) {
        VersionedDataFile<CatalogFile> file = VersionedDataFile.read(objectMapper, RESOURCE, CatalogFile.class);
        this.version = file.content().version();
        this.title = file.content().title();
        this.source = file.content().source();
        this.contentHash = file.contentHash();
        Map<String, CatalogBundle> byCode = new LinkedHashMap<>();
        for (CatalogBundle bundle : file.content().bundles()) {
            if (byCode.put(bundle.code(), bundle) != null) {
                throw new IllegalStateException("Bundle code " + bundle.code() + " appears twice in " + RESOURCE);
            }
        }
        this.bundlesByCode = Map.copyOf(byCode);
    }

    public int version() {
        return version;
    }

    /** The list's title as printed. */
    public String title() {
        return title;
    }

    /** The document the list comes from. */
    public String source() {
        return source;
    }

    /** The SHA-256 of the catalog file's bytes, hex encoded: what a case's catalog version stands for. */
    public String contentHash() {
        return contentHash;
    }

    public Optional<CatalogBundle> bundle(String code) {
        return Optional.ofNullable(code).map(bundlesByCode::get);
    }

    public boolean contains(String code) {
        return code != null && bundlesByCode.containsKey(code);
    }

    public List<CatalogBundle> bundles() {
        return bundlesByCode.values().stream().sorted(Comparator.comparingInt(CatalogBundle::seq)).toList();
    }

    /** The shape of the data file. */
    record CatalogFile(int version, String title, String source, List<CatalogBundle> bundles) {
    }
}
