package cn.gov.lvliang.ledger.query.audit;

import static cn.gov.lvliang.ledger.query.audit.CaseHistories.concluded;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.newCaseId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.query.audit.StateDiff.FieldChange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Field-by-field changes between two states of a case, named so that an auditor can find the field. */
class StateDiffTest {

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void resumingAfterASupplement_changesThePauseTheDueDatesAndTheSupplement() {
        List<BundleCaseEvent> events = concluded(newCaseId(), "CITY_APPROVAL");

        Map<String, FieldChange> changes = changes(events.subList(0, 9), events.subList(0, 10));

        assertThat(changes.get("paused").from().asBoolean()).isTrue();
        assertThat(changes.get("paused").to().asBoolean()).isFalse();
        assertThat(changes.get("dueDate").from()).isEqualTo(TextNode.valueOf("2025-03-10"));
        assertThat(changes.get("dueDate").to()).isEqualTo(TextNode.valueOf("2025-03-12"));
        assertThat(changes.get("items[seq=2].dueDate").to()).isEqualTo(TextNode.valueOf("2025-03-10"));
        assertThat(changes.get("supplements[0].suppliedAt").from()).isEqualTo(NullNode.getInstance());
        assertThat(changes.get("supplements[0].materialsSupplied").to().get(0).asText())
                .isEqualTo("公司章程（全体股东签字）");
        assertThat(changes).doesNotContainKey("status").doesNotContainKey("items[seq=2].status");
    }

    @Test
    void fromNothing_everyFieldOfTheCaseIsNew() {
        List<BundleCaseEvent> events = concluded(newCaseId(), "CITY_APPROVAL");

        Map<String, FieldChange> changes = changes(List.of(), events.subList(0, 2));

        assertThat(changes.get("status").to().asText()).isEqualTo("SUBMITTED");
        assertThat(changes.get("items[seq=3].name").to().asText()).isEqualTo("发票领用");
        assertThat(changes.get("visits[number=1].purpose").to().asText()).isEqualTo("SUBMISSION");
        assertThat(changes.values()).allSatisfy(change -> assertThat(change.from().isNull()).isTrue());
    }

    @Test
    void complaintsAreNamedByTheirId_andAListOfValuesIsOneField() {
        List<BundleCaseEvent> events = concluded(newCaseId(), "CITY_APPROVAL");

        Map<String, FieldChange> changes = changes(events.subList(0, 17), events);

        assertThat(changes.get("complaints[complaintId=C-1].resolution").to().asText())
                .isEqualTo("已向申请人致歉并优化取件流程");
        assertThat(changes.get("rating.reasons").to()).hasSize(2);
        assertThat(changes).doesNotContainKey("rating.reasons[0]");
    }

    private Map<String, FieldChange> changes(List<BundleCaseEvent> before, List<BundleCaseEvent> after) {
        JsonNode from = before.isEmpty() ? null : json.valueToTree(BundleCaseState.fold(before));
        JsonNode to = json.valueToTree(BundleCaseState.fold(after));
        return StateDiff.between(from, to).stream()
                .collect(Collectors.toMap(FieldChange::field, change -> change));
    }
}
