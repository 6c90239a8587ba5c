package cn.gov.lvliang.ledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The pages over plain HTTP, without a browser: they render in Chinese, take nothing from another host, answer a
 * stale link or a bad filter with a page that says what is wrong, and export with a Chinese file name.
 */
@QuerySideTest
class WebPagesHttpTest {

    static final Pattern RESOURCE = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void names() {
        Processors.awaitCaughtUp(processing, "reference-data");
        ReferenceTestData.publish(context);
        CatalogTestData.publish(context);
    }

    @Test
    void everyPage_rendersInChinese_andLinksOnlyToThisServer() {
        for (String page : List.of("/", "/targets", "/cases", "/fundraising", "/?division=141102&from=2025-01-01")) {
            ResponseEntity<String> response = http.getForEntity(page, String.class);

            assertThat(response.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
            assertThat(response.getBody()).as(page).contains("<html lang=\"zh\"", "吕梁市案件账本", "总览", "打击非法集资");
            Matcher resources = RESOURCE.matcher(response.getBody());
            while (resources.find()) {
                assertThat(resources.group(1)).as(page + " links to " + resources.group(1)).startsWith("/");
            }
        }
    }

    @Test
    void echarts_isServedFromItsWebjar() {
        String page = http.getForEntity("/", String.class).getBody();
        Matcher script = Pattern.compile("src=\"(/webjars/echarts/[^\"]+)\"").matcher(page);
        assertThat(script.find()).isTrue();

        ResponseEntity<String> echarts = http.getForEntity(script.group(1), String.class);

        assertThat(echarts.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(echarts.getBody()).contains("echarts");
    }

    @Test
    void anUnknownCase_isANotFoundPage() {
        ResponseEntity<String> response = http.getForEntity("/cases/no-such-case", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(response.getBody()).contains("没有案件 no-such-case");
    }

    @Test
    void aFilterThatIsNotUnderstood_isABadRequestPage_namingIt() {
        ResponseEntity<String> status = http.getForEntity("/cases?status=DONE", String.class);
        ResponseEntity<String> period = http.getForEntity("/?from=2025-03-01&to=2025-02-01", String.class);

        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status.getBody()).contains("参数 status 的值“DONE”无效");
        assertThat(period.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(period.getBody()).contains("from must not be after to");
    }

    @Test
    void aPastMomentThatIsNotUnderstood_isABadRequestPage_namingIt() {
        ResponseEntity<String> moment = http.getForEntity("/cases/any-case/as-of?at=yesterday", String.class);
        ResponseEntity<String> axis = http.getForEntity("/cases/any-case/as-of?at=2025-02-10T09:30&axis=later",
                String.class);

        assertThat(moment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(moment.getBody()).contains("参数 at：", "yesterday", "2025-02-10T09:30");
        assertThat(axis.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(axis.getBody()).contains("参数 axis：", "recorded or business");
    }

    @Test
    void export_isAnXlsxAttachment_namedAfterItsTable() {
        ResponseEntity<byte[]> export = http.getForEntity("/export/dashboard/county.xlsx?division=141102",
                byte[].class);

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType()).hasToString(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(export.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo(
                "attachment; filename=\"dashboard-county.xlsx\"; filename*=UTF-8''%E6%8C%89%E5%8C%BA%E5%8E%BF.xlsx");
        assertThat(export.getBody()).startsWith(0x50, 0x4B);
    }

    @Test
    void anUnknownTable_isNotExported() {
        assertThat(http.getForEntity("/export/dashboard/nothing.xlsx", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
