package cn.gov.lvliang.ledger.query.rebuild;

import static cn.gov.lvliang.ledger.query.audit.CaseHistories.concluded;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.newCaseId;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.refused;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.submitted;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.catalog.BundleCatalogPublishedEvent;
import cn.gov.lvliang.ledger.events.reference.ReferenceDataPublishedEvent;
import cn.gov.lvliang.ledger.query.audit.StoredCases;
import cn.gov.lvliang.ledger.query.catalog.CatalogTestData;
import cn.gov.lvliang.ledger.query.rebuild.RebuildTestConfiguration.PhaseProbe;
import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Json;
import cn.gov.lvliang.ledger.query.support.Processors;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a rebuild promises, on whichever database the subclass runs: the rebuilt model equals the live one by their
 * checksums and the switch keeps every reader's answer the same; a verification names each row that differs; readers
 * are answered at every step; and events that arrive while the live processor is paused reach the switched model.
 * Every event is stored through Axon's event store, so the live model is exactly what the events make.
 */
abstract class RebuildContract {

    static final String BUNDLE_CASES = "bundle-cases";
    static final String REFERENCE_DATA = "reference-data";
    static final List<String> BUNDLE_TABLES = List.of("bundle_case_tally", "bundle_case_item", "bundle_case_material",
            "bundle_case_visit", "bundle_case_complaint", "bundle_case_assistance", "bundle_case_transfer",
            "bundle_case_supplement", "bundle_case");

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DataSource dataSource;

    @Autowired
    ShadowTables shadowTables;

    @Autowired
    PhaseProbe probe;

    String leadUnit;
    String concludedCase;
    String withdrawnCase;
    String refusedCase;

    @BeforeEach
    void storeNamesAndThreeCases() {
        publishReferenceDataAndCatalogOnce();
        leadUnit = "TEST_" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        concludedCase = store(concluded(newCaseId(), leadUnit));
        withdrawnCase = store(withdrawn(newCaseId(), leadUnit));
        refusedCase = store(refused(newCaseId(), leadUnit));
        await("the live model holds the three cases").atMost(Duration.ofSeconds(60)).until(() ->
                lastSequence(concludedCase) == 19 && lastSequence(withdrawnCase) == 9 && lastSequence(refusedCase) == 2);
        Processors.awaitCaughtUp(processing, BUNDLE_CASES);
        Processors.awaitCaughtUp(processing, REFERENCE_DATA);
    }

    @AfterEach
    void quietProbe() {
        probe.reset();
    }

    @Test
    void rebuildingBundleCases_givesTheLiveModelBack_byChecksum_andSwitches() {
        Map<String, String> before = views(concludedCase, withdrawnCase, refusedCase);
        Map<String, ShadowTables.Structure> structures = structures(BUNDLE_TABLES);

        JsonNode rebuild = rebuildAndWait(BUNDLE_CASES, false);

        assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("SWITCHED");
        assertThat(rebuild.get("equal").asBoolean()).isTrue();
        assertThat(rebuild.get("differences")).isEmpty();
        assertThat(tables(rebuild).keySet()).containsExactlyInAnyOrderElementsOf(BUNDLE_TABLES);
        tables(rebuild).values().forEach(table -> {
            assertThat(table.get("equal").asBoolean()).as(table.toString()).isTrue();
            assertThat(table.get("rebuiltRows").asLong()).isEqualTo(table.get("liveRows").asLong());
            assertThat(table.get("rebuiltChecksum").asText()).isEqualTo(table.get("liveChecksum").asText());
        });
        assertThat(tables(rebuild).get("bundle_case").get("liveRows").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(rebuild.get("eventsProcessed").asLong()).isGreaterThan(0);
        assertThat(rebuild.get("progress").get("fraction").asDouble()).isEqualTo(1.0);

        assertThat(views(concludedCase, withdrawnCase, refusedCase)).isEqualTo(before);
        assertThat(structures(BUNDLE_TABLES)).as("columns, keys and index names as the migrations made them")
                .isEqualTo(structures);
        assertThat(shadowTablesLeft()).isEmpty();
    }

    @Test
    void rebuildingReferenceData_givesTheLiveModelBack_byChecksum_andSwitches() {
        List<String> paths = List.of("/api/catalog/bundles?version=" + CatalogTestData.CASE_CATALOG_VERSION,
                "/api/reference/divisions", "/api/reference/units", "/api/reference/halls",
                "/api/bundle-cases/" + concludedCase);
        Map<String, String> before = answers(paths);

        JsonNode rebuild = rebuildAndWait(REFERENCE_DATA, false);

        assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("SWITCHED");
        assertThat(rebuild.get("equal").asBoolean()).isTrue();
        assertThat(tables(rebuild).keySet()).containsExactlyInAnyOrder("catalog_item", "catalog_bundle",
                "catalog_publication", "reference_window", "reference_hall", "reference_unit", "reference_division",
                "reference_publication");
        assertThat(tables(rebuild).get("catalog_item").get("liveRows").asLong()).isEqualTo(6);
        assertThat(answers(paths)).isEqualTo(before);
        assertThat(Json.parse(before.get("/api/bundle-cases/" + concludedCase)).get("bundleName").asText())
                .isEqualTo("企业开办");
        assertThat(shadowTablesLeft()).isEmpty();
    }

    @Test
    void verification_namesEachDifferingRow_andSwitchesNothing_untilDifferencesAreAccepted() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("UPDATE bundle_case SET applicant_name = '篡改的名称' WHERE case_id = ?", concludedCase);
        jdbc.update("DELETE FROM bundle_case_visit WHERE case_id = ? AND visit_number = 2", concludedCase);
        jdbc.update("INSERT INTO bundle_case_item (case_id, seq, name, status) VALUES (?, 99, '多余事项', 'PENDING')",
                withdrawnCase);

        ResponseEntity<String> verify = http.getForEntity("/api/admin/projections/bundle-cases/verify", String.class);

        assertThat(verify.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode verification = Json.parse(verify.getBody());
        assertThat(verification.get("kind").asText()).isEqualTo("VERIFY");
        assertThat(verification.get("state").asText()).as(verification.toString()).isEqualTo("DIFFERENT");
        assertThat(differences(verification)).containsExactlyInAnyOrder(
                "bundle_case case_id=" + concludedCase + " CHANGED [applicant_name]",
                "bundle_case_visit case_id=" + concludedCase + ", visit_number=2 ONLY_IN_REBUILT []",
                "bundle_case_item case_id=" + withdrawnCase + ", seq=99 MISSING_FROM_REBUILT []");
        assertThat(tables(verification).get("bundle_case").get("equal").asBoolean()).isFalse();
        assertThat(tables(verification).get("bundle_case_material").get("equal").asBoolean()).isTrue();
        assertThat(applicantName(concludedCase)).as("a verification switches nothing").isEqualTo("篡改的名称");

        JsonNode refused = rebuildAndWait(BUNDLE_CASES, false);
        assertThat(refused.get("state").asText()).isEqualTo("DIFFERENT");
        assertThat(refused.get("message").asText()).contains("acceptDifferences=true");
        assertThat(applicantName(concludedCase)).isEqualTo("篡改的名称");

        JsonNode repaired = rebuildAndWait(BUNDLE_CASES, true);
        assertThat(repaired.get("state").asText()).as(repaired.toString()).isEqualTo("SWITCHED");
        assertThat(applicantName(concludedCase)).isEqualTo("吕梁示范商贸有限公司");
        assertThat(view(concludedCase).get("visits")).hasSize(2);
        assertThat(view(withdrawnCase).get("items")).hasSize(3);
        assertThat(shadowTablesLeft()).isEmpty();
    }

    @Test
    void readersAreAnsweredAtEveryStep_andEventsOfThePauseReachTheSwitchedModel() {
        String expected = answer("/api/bundle-cases/" + concludedCase);
        String lateCase = newCaseId();
        List<String> phases = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        probe.atEachPhase(rebuild -> {
            String phase = rebuild.phase().name();
            phases.add(phase);
            try {
                ResponseEntity<String> detail = http.getForEntity("/api/bundle-cases/" + concludedCase, String.class);
                if (detail.getStatusCode() != HttpStatus.OK || !expected.equals(detail.getBody())) {
                    problems.add(phase + ": the case answered " + detail.getStatusCode());
                }
                ResponseEntity<String> list = http.getForEntity("/api/bundle-cases?leadUnit=" + leadUnit,
                        String.class);
                if (list.getStatusCode() != HttpStatus.OK || Json.parse(list.getBody()).get("total").asInt() != 3) {
                    problems.add(phase + ": the list answered " + list.getStatusCode() + " " + list.getBody());
                }
                if (phase.equals("REPLAYING")) {
                    ResponseEntity<String> second = http.postForEntity(
                            "/api/admin/projections/bundle-cases/rebuild", null, String.class);
                    if (second.getStatusCode() != HttpStatus.CONFLICT) {
                        problems.add("a second rebuild was answered " + second.getStatusCode());
                    }
                }
                if (phase.equals("CATCHING_UP")) {
                    StoredCases.store(eventStore, List.of(submitted(lateCase, leadUnit)));
                }
                if (phase.equals("COMPARING")
                        && http.getForEntity("/api/bundle-cases/" + lateCase, String.class).getStatusCode()
                        != HttpStatus.NOT_FOUND) {
                    problems.add("the live processor wrote while it was paused");
                }
            } catch (RuntimeException | AssertionError e) {
                problems.add(phase + ": " + e);
            }
        });

        JsonNode rebuild = rebuildAndWait(BUNDLE_CASES, false);

        assertThat(problems).isEmpty();
        assertThat(phases).containsExactly("PREPARING", "REPLAYING", "COMPACTING", "PAUSING", "CATCHING_UP",
                "COMPARING", "SWITCHING");
        assertThat(rebuild.get("phases")).as("each step with when it began and how long it took")
                .allSatisfy(step -> assertThat(step.get("startedAt").isTextual() && step.get("took").isTextual())
                        .as(step.toString()).isTrue())
                .extracting(step -> step.get("phase").asText()).containsExactlyElementsOf(phases);
        assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("SWITCHED");
        assertThat(answer("/api/bundle-cases/" + concludedCase)).isEqualTo(expected);
        await("the event stored during the pause, in the switched model").atMost(Duration.ofSeconds(60))
                .until(() -> lastSequence(lateCase) == 0);
    }

    @Test
    void aCaseTheLiveModelTookAfterTheReplay_isCaughtUpInTheShadow_beforeTheComparison() {
        String lateCase = newCaseId();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        probe.atEachPhase(rebuild -> {
            if (rebuild.phase() != RebuildPhase.PAUSING) {
                return;
            }
            // The replay has stopped at the head; the live processor, still running, takes a whole case beyond it.
            try {
                store(concluded(lateCase, leadUnit));
                await("the live model holds the late case").atMost(Duration.ofSeconds(60))
                        .until(() -> lastSequence(lateCase) == 19);
            } catch (RuntimeException | AssertionError e) {
                problems.add(e.toString());
            }
        });

        JsonNode rebuild = rebuildAndWait(BUNDLE_CASES, false);

        assertThat(problems).isEmpty();
        // Equal by checksum, so the shadow took the late case's twenty events in the catch-up.
        assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("SWITCHED");
        assertThat(lastSequence(lateCase)).isEqualTo(19);
        assertThat(Json.parse(answer("/api/bundle-cases?leadUnit=" + leadUnit)).get("total").asInt()).isEqualTo(4);
    }

    @Test
    void status_showsEachProjection_itsProcessorAndItsLatestRebuild() {
        rebuildAndWait(REFERENCE_DATA, false);

        JsonNode all = Json.parse(answer("/api/admin/projections"));
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        all.forEach(projection -> byName.put(projection.get("name").asText(), projection));
        assertThat(byName).containsKeys(BUNDLE_CASES, REFERENCE_DATA);
        JsonNode bundleCases = byName.get(BUNDLE_CASES);
        assertThat(bundleCases.get("rebuildable").asBoolean()).isTrue();
        assertThat(bundleCases.get("tables")).hasSize(BUNDLE_TABLES.size());
        assertThat(bundleCases.get("processor").get("running").asBoolean()).isTrue();
        assertThat(bundleCases.get("processor").get("claimedSegments").asInt()).isEqualTo(2);
        assertThat(bundleCases.get("headIndex").asLong()).isPositive();
        assertThat(byName.get(REFERENCE_DATA).get("lastRebuild").get("state").asText()).isEqualTo("SWITCHED");

        String text = answer("/api/admin/projections/reference-data?format=text");
        assertThat(text).startsWith("reference-data running").contains("last: reference-data REBUILD SWITCHED")
                .contains(" s replaying, ").contains(" s switching");

        assertThat(http.getForEntity("/api/admin/projections/no-such-projection", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> unknown = http.postForEntity("/api/admin/projections/no-such-projection/rebuild",
                null, String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void publishReferenceDataAndCatalogOnce() {
        if (http.getForEntity("/api/catalog/bundles?version=" + CatalogTestData.CASE_CATALOG_VERSION, String.class)
                .getStatusCode() == HttpStatus.OK) {
            return;
        }
        ReferenceDataPublishedEvent reference = ReferenceTestData.lvliang(ReferenceTestData.TEST_VERSION);
        BundleCatalogPublishedEvent bundles = CatalogTestData.small(CatalogTestData.CASE_CATALOG_VERSION);
        eventStore.publish(
                new GenericDomainEventMessage<>("PublishedDataSet", reference.referenceId(), 0, reference, Map.of(),
                        UUID.randomUUID().toString(), ReferenceTestData.PUBLISHED),
                new GenericDomainEventMessage<>("PublishedDataSet", bundles.catalogId(), 0, bundles, Map.of(),
                        UUID.randomUUID().toString(), CatalogTestData.PUBLISHED));
        await("reference data and catalog published").atMost(Duration.ofSeconds(60)).until(() ->
                http.getForEntity("/api/catalog/bundles?version=" + CatalogTestData.CASE_CATALOG_VERSION,
                        String.class).getStatusCode() == HttpStatus.OK
                        && Json.parse(answer("/api/reference/divisions")).size() == 3);
    }

    private String store(List<BundleCaseEvent> events) {
        StoredCases.store(eventStore, events);
        return events.get(0).caseId();
    }

    /** Starts a rebuild over HTTP and waits until it has finished; answers the finished rebuild. */
    JsonNode rebuildAndWait(String projection, boolean acceptDifferences) {
        ResponseEntity<String> started = http.postForEntity("/api/admin/projections/" + projection + "/rebuild"
                + (acceptDifferences ? "?acceptDifferences=true" : ""), null, String.class);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        assertThat(location).endsWith("/rebuilds/" + Json.parse(started.getBody()).get("rebuildId").asText());
        return await(projection + " rebuilt").atMost(Duration.ofSeconds(120))
                .until(() -> Json.parse(answer(location)), rebuild -> !rebuild.get("state").asText().equals("RUNNING"));
    }

    private long lastSequence(String caseId) {
        ResponseEntity<String> response = http.getForEntity("/api/bundle-cases/" + caseId, String.class);
        return response.getStatusCode() == HttpStatus.OK
                ? Json.parse(response.getBody()).get("lastEventSequence").asLong() : -1;
    }

    private String answer(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, String> answers(List<String> paths) {
        Map<String, String> answers = new LinkedHashMap<>();
        paths.forEach(path -> answers.put(path, answer(path)));
        return answers;
    }

    private Map<String, String> views(String... caseIds) {
        Map<String, String> views = new LinkedHashMap<>();
        for (String caseId : caseIds) {
            views.put(caseId, answer("/api/bundle-cases/" + caseId));
        }
        return views;
    }

    private JsonNode view(String caseId) {
        return Json.parse(answer("/api/bundle-cases/" + caseId));
    }

    private String applicantName(String caseId) {
        return view(caseId).get("applicantName").asText();
    }

    private Map<String, ShadowTables.Structure> structures(List<String> tables) {
        Map<String, ShadowTables.Structure> structures = new LinkedHashMap<>();
        tables.forEach(table -> structures.put(table, shadowTables.structure(table)));
        return structures;
    }

    private static Map<String, JsonNode> tables(JsonNode rebuild) {
        Map<String, JsonNode> tables = new LinkedHashMap<>();
        rebuild.get("tables").forEach(table -> tables.put(table.get("table").asText(), table));
        return tables;
    }

    private static List<String> differences(JsonNode rebuild) {
        return StreamSupport.stream(rebuild.get("differences").spliterator(), false)
                .map(row -> row.get("table").asText() + " " + row.get("key").asText() + " " + row.get("kind").asText()
                        + " " + StreamSupport.stream(row.get("columns").spliterator(), false)
                        .map(JsonNode::asText).toList())
                .toList();
    }

    private List<String> shadowTablesLeft() {
        return new JdbcTemplate(dataSource).execute((ConnectionCallback<List<String>>) connection -> {
            List<String> left = new ArrayList<>();
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet tables = metadata.getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (tables.next()) {
                    String name = tables.getString("TABLE_NAME");
                    if (name.endsWith(ShadowTables.SUFFIX)) {
                        left.add(name);
                    }
                }
            }
            return left;
        });
    }
}
