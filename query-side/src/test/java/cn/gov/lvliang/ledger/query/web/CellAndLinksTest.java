package cn.gov.lvliang.ledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.bundle.CaseStatus;
import cn.gov.lvliang.ledger.query.dashboard.CaseFilter;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/** How cells read on the page, and drill-down links that carry any filter value intact. */
class CellAndLinksTest {

    @Test
    void cells_readAsTheirExcelFormatsShowThem() {
        assertThat(Cell.count(8, null).text()).isEqualTo("8");
        assertThat(Cell.share(2, 3, null).text()).isEqualTo("66.7%");
        assertThat(Cell.share(1, 8, null).text()).isEqualTo("12.5%");
        assertThat(Cell.share(0, 0, null).text()).as("nothing to share").isEmpty();
        assertThat(Cell.decimal1(1.5, null).text()).isEqualTo("1.5");
        assertThat(Cell.decimal2(11.0 / 3, null).text()).isEqualTo("3.67");
        assertThat(Cell.decimal2(null, null).text()).isEmpty();
        assertThat(Cell.date(LocalDate.of(2025, 3, 14)).text()).isEqualTo("2025-03-14");
        assertThat(Cell.dateTime(LocalDateTime.of(2025, 3, 5, 9, 0)).text()).isEqualTo("2025-03-05 09:00");
    }

    @Test
    void amounts_readToTheFen_groupedByThousands_exactlyAsStored() {
        assertThat(Cell.amount(new BigDecimal("63200000.00"), null).text()).isEqualTo("63,200,000.00");
        assertThat(Cell.amount(new BigDecimal("8848000.59"), null).text()).isEqualTo("8,848,000.59");
        assertThat(Cell.amount(new BigDecimal("0.5"), null).text()).isEqualTo("0.50");
        assertThat(Cell.amount(new BigDecimal("0.005"), null).text()).as("half up").isEqualTo("0.01");
        // Past what a double holds to the fen: the page still shows every digit.
        assertThat(Cell.amount(new BigDecimal("123456789012345678.91"), null).text())
                .isEqualTo("123,456,789,012,345,678.91");
        assertThat(Cell.amount(null, null).text()).isEmpty();
        assertThat(Cell.amount(BigDecimal.TEN, null).styleClass()).isEqualTo("num");
    }

    @Test
    void numbersAlignRight_andDatesStayOnOneLine() {
        assertThat(Cell.count(8, null).numeric()).isTrue();
        assertThat(Cell.count(8, null).temporal()).isFalse();
        assertThat(Cell.date(LocalDate.of(2024, 7, 1)).temporal()).isTrue();
        assertThat(Cell.dateTime(LocalDate.of(2024, 7, 1).atTime(9, 30)).temporal()).isTrue();
        assertThat(Cell.date(LocalDate.of(2024, 7, 1)).numeric()).isFalse();
        assertThat(Cell.text("企业开办").numeric()).isFalse();
        assertThat(Cell.text("企业开办").temporal()).isFalse();
    }

    @Test
    void eachKindOfCell_hasItsStyleOnThePage() {
        assertThat(Cell.count(8, null).styleClass()).isEqualTo("num");
        assertThat(Cell.share(1, 8, null).styleClass()).isEqualTo("num");
        assertThat(Cell.date(LocalDate.of(2024, 7, 1)).styleClass()).isEqualTo("when");
        assertThat(Cell.dateTime(LocalDate.of(2024, 7, 1).atTime(9, 30)).styleClass()).isEqualTo("when");
        Cell caseId = Cell.identifier("14c2d2be-2a68-3f58-ad02-a7e5772675cf", "/cases/14c2d2be");
        assertThat(caseId.styleClass()).isEqualTo("ident");
        assertThat(caseId.text()).as("shown whole").isEqualTo("14c2d2be-2a68-3f58-ad02-a7e5772675cf");
        assertThat(Cell.identifier(null, null).text()).isEmpty();
        assertThat(Cell.unbroken("第 3 名 / 共 14").styleClass()).isEqualTo("unbroken");
        assertThat(Cell.unbroken("第 3 名 / 共 14").text()).isEqualTo("第 3 名 / 共 14");
        assertThat(Cell.noFigure("不适用").styleClass()).as("aligned with the figures").isEqualTo("num");
        assertThat(Cell.noFigure("不适用").text()).isEqualTo("不适用");
        assertThat(Cell.text("企业开办").styleClass()).isNull();
    }

    @Test
    void drillDownLinks_carryEveryFilter_withAnyCharacters() {
        CaseFilter filter = CaseFilter.builder().division("141102").leadUnit("CITY_APPROVAL")
                .status(CaseStatus.CONCLUDED, CaseStatus.ACCEPTED).from(LocalDate.of(2025, 1, 1))
                .item("营业执照 + 印章&发票=1").maxVisits(1).build();

        String link = Links.cases(filter);

        assertThat(link).startsWith("/cases?division=141102&leadUnit=CITY_APPROVAL&status=ACCEPTED&status=CONCLUDED");
        MultiValueMap<String, String> params = UriComponentsBuilder.fromUriString(link).build().getQueryParams();
        assertThat(URLDecoder.decode(params.getFirst("item"), StandardCharsets.UTF_8)).isEqualTo("营业执照 + 印章&发票=1");
        assertThat(params.get("status")).isEqualTo(List.of("ACCEPTED", "CONCLUDED"));
        assertThat(params.getFirst("from")).isEqualTo("2025-01-01");
        assertThat(params.getFirst("maxVisits")).isEqualTo("1");
        assertThat(Links.cases(CaseFilter.builder().build())).isEqualTo("/cases");
    }
}
