package cn.gov.lvliang.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.LedgerProcess;
import cn.gov.lvliang.ledger.query.support.SampleRequests;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-install default of {@code ./ledger demo}: both packaged sides, started without any database
 * configuration, share one embedded H2 file through AUTO_SERVER mode.
 */
class EmbeddedDatabaseIT {

    @TempDir
    Path workDir;

    @Test
    void bothSidesShareOneH2FileAndTheSliceWorks() throws Exception {
        Map<String, String> embedded = Map.of("LEDGER_DATA_DIR", workDir.resolve("data").toString());
        try (LedgerProcess commandSide = LedgerProcess.start("command-side", LedgerProcess.commandSideJar(),
                embedded, workDir);
             LedgerProcess querySide = LedgerProcess.start("query-side", LedgerProcess.querySideJar(),
                     embedded, workDir)) {

            var submitted = commandSide.postJson("/api/bundle-cases", SampleRequests.enterpriseOpening("e2e-h2-1"));
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            String caseId = Json.parse(submitted.body()).get("caseId").asText();

            HttpResponse<String> view = await("projection").atMost(Duration.ofSeconds(30))
                    .until(() -> querySide.get("/api/bundle-cases/" + caseId), r -> r.statusCode() == 200);
            assertThat(Json.parse(view.body()).get("bundleCode").asText()).isEqualTo("2024-01");

            HttpResponse<String> history = querySide.get("/api/cases/" + caseId + "/history");
            assertThat(history.statusCode()).isEqualTo(200);
            assertThat(Json.parse(history.body()).get(0).get("type").asText())
                    .isEqualTo("BundleCaseSubmittedEvent");

            String url = "jdbc:h2:file:" + workDir.resolve("data").resolve("ledger");
            assertThat(commandSide.logText()).contains(url);
            assertThat(querySide.logText()).contains(url);
        }
        try (Stream<Path> files = Files.list(workDir.resolve("data"))) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".mv.db")))
                    .containsExactly("ledger.mv.db");
        }
    }
}
