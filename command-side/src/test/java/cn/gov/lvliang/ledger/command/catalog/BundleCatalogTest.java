package cn.gov.lvliang.ledger.command.catalog;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.catalog.BundleMark;
import cn.gov.lvliang.ledger.events.catalog.BundleSubject;
import cn.gov.lvliang.ledger.events.catalog.CatalogBundle;
import cn.gov.lvliang.ledger.events.catalog.CatalogItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The transcribed list matches the counts the gazette prints in its own headings. */
class BundleCatalogTest {

    private final BundleCatalog catalog = new BundleCatalog(new ObjectMapper().findAndRegisterModules());

    @Test
    void holdsFortyFourBundlesWithTwoHundredNinetyItems() {
        assertThat(catalog.bundles()).hasSize(44);
        assertThat(catalog.bundles().stream().mapToInt(bundle -> bundle.items().size()).sum()).isEqualTo(290);
    }

    @Test
    void splitsBundlesByYearAndSubjectAsTheHeadingsSay() {
        Map<String, Long> bySection = catalog.bundles().stream()
                .collect(groupingBy(bundle -> bundle.year() + " " + bundle.subject(), counting()));
        assertThat(bySection).containsExactlyInAnyOrderEntriesOf(Map.of(
                "2024 " + BundleSubject.ENTERPRISE, 12L,
                "2024 " + BundleSubject.PERSONAL, 10L,
                "2025 " + BundleSubject.ENTERPRISE, 9L,
                "2025 " + BundleSubject.PERSONAL, 13L));
    }

    @Test
    void countsMarksAsTheBriefSays() {
        Map<BundleMark, Long> byMark = catalog.bundles().stream().collect(groupingBy(CatalogBundle::mark, counting()));
        assertThat(byMark).containsExactlyInAnyOrderEntriesOf(Map.of(
                BundleMark.STATE_COUNCIL, 13L, BundleMark.PROVINCIAL, 14L, BundleMark.CITY, 17L));
    }

    @Test
    void everyLeadUnitDecidesAtLeastOneItemOfItsBundle() {
        assertThat(catalog.bundles()).allSatisfy(bundle -> assertThat(bundle.items())
                .extracting(CatalogItem::unit)
                .contains(bundle.leadUnit()));
    }

    @Test
    void numbersItemsFromOneWithoutGaps() {
        assertThat(catalog.bundles()).allSatisfy(bundle -> assertThat(bundle.items())
                .extracting(CatalogItem::seq)
                .isEqualTo(IntStream.rangeClosed(1, bundle.items().size()).boxed().toList()));
    }

    @Test
    void keepsNamesExactlyAsPrinted() {
        CatalogBundle opening = catalog.bundle("2024-01").orElseThrow();
        assertThat(opening.name()).isEqualTo("企业开办");
        assertThat(opening.leadUnit()).isEqualTo("市行政审批局");
        assertThat(opening.items()).extracting(CatalogItem::name).startsWith("企业设立登记", "公章刻制备案");
        assertThat(catalog.bundles()).extracting(CatalogBundle::code).doesNotHaveDuplicates();
        assertThat(catalog.bundle("2099-01")).isEmpty();
        assertThat(List.of(catalog.contentHash())).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
    }
}
