package cn.gov.lvliang.ledger.query.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.LedgerProcess;
import cn.gov.lvliang.ledger.query.support.SampleRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole path on PostgreSQL: a REST command to the command side (its real jar, as a process), through the event
 * store, the query side's projection, to its REST query.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SubmissionEndToEndIT {

    @TempDir
    static Path workDir;

    static LedgerProcess commandSide;

    @Autowired
    TestRestTemplate querySide;

    @BeforeAll
    static void startCommandSide(@Value("${spring.datasource.url}") String url,
                                 @Value("${spring.datasource.username}") String user,
                                 @Value("${spring.datasource.password}") String password) {
        commandSide = LedgerProcess.start("command-side", LedgerProcess.commandSideJar(),
                Map.of("LEDGER_DB_URL", url, "LEDGER_DB_USER", user, "LEDGER_DB_PASSWORD", password), workDir);
    }

    @AfterAll
    static void stopCommandSide() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void submittedCase_isReadableWithItsHistoryOnTheQuerySide() throws Exception {
        var submitted = commandSide.postJson("/api/bundle-cases", SampleRequests.enterpriseOpening("e2e-pg-1"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String caseId = Json.parse(submitted.body()).get("caseId").asText();

        ResponseEntity<String> view = await("projection").atMost(Duration.ofSeconds(30))
                .until(() -> querySide.getForEntity("/api/bundle-cases/" + caseId, String.class),
                        response -> response.getStatusCode() == HttpStatus.OK);
        JsonNode bundleCase = Json.parse(view.getBody());
        assertThat(bundleCase.get("bundleCode").asText()).isEqualTo("2024-01");
        assertThat(bundleCase.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(bundleCase.get("divisionCode").asText()).isEqualTo("141102");
        assertThat(bundleCase.get("channel").asText()).isEqualTo("WINDOW");
        assertThat(bundleCase.get("submittedAt").asText()).isEqualTo("2024-09-02T01:30:00Z");
        assertThat(bundleCase.get("applicantIdMasked").asText()).isEqualTo("9114**********DE12");

        ResponseEntity<String> history = querySide.getForEntity("/api/cases/" + caseId + "/history", String.class);
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode events = Json.parse(history.getBody());
        // A submission at a window also records the applicant's first visit.
        assertThat(events).hasSize(2);
        assertThat(events.get(1).get("type").asText()).isEqualTo("VisitRecordedEvent");
        assertThat(events.get(0).get("sequence").asLong()).isZero();
        assertThat(events.get(0).get("type").asText()).isEqualTo("BundleCaseSubmittedEvent");
        assertThat(events.get(0).get("businessTime").asText()).isEqualTo("2024-09-02T01:30:00Z");
        assertThat(events.get(0).get("recordedAt").asText()).isNotBlank();
        assertThat(events.get(0).get("payload").get("caseId").asText()).isEqualTo(caseId);
        assertThat(events.get(0).get("metadata").get("requestId").asText()).isEqualTo("e2e-pg-1");
    }

    @Test
    void theCatalogPublishedByTheCommandSide_isServedWithEveryBundleItemAndUnit() {
        ResponseEntity<String> response = await("catalog projection").atMost(Duration.ofSeconds(30))
                .until(() -> querySide.getForEntity("/api/catalog/bundles?version=1", String.class),
                        r -> r.getStatusCode() == HttpStatus.OK);
        JsonNode bundles = Json.parse(response.getBody()).get("bundles");

        assertThat(bundles).hasSize(44);
        int items = 0;
        for (JsonNode bundle : bundles) {
            assertThat(bundle.get("leadUnit").asText()).as(bundle.get("code").asText()).isNotBlank();
            for (JsonNode item : bundle.get("items")) {
                assertThat(item.get("unit").asText()).isNotBlank();
                items++;
            }
        }
        assertThat(items).isEqualTo(290);
        assertThat(bundles.get(0).get("name").asText()).isEqualTo("企业开办");
        assertThat(bundles.get(1).get("name").asText()).isEqualTo("企业准营（50个，以我要开面包店为例）");
    }

    @Test
    void unknownCase_isAProblemNotFound() {
        ResponseEntity<String> view = querySide.getForEntity("/api/bundle-cases/no-such-case", String.class);
        ResponseEntity<String> history = querySide.getForEntity("/api/cases/no-such-case/history", String.class);

        assertThat(view.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(view.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
