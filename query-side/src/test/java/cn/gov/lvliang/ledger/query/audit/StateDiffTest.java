package cn.gov.lvliang.ledger.query.audit;

import static cn.gov.lvliang.ledger.query.audit.CaseHistories.concluded;
import static cn.gov.lvliang.ledger.query.audit.CaseHistories.newCaseId;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.query.audit.StateDiff.FieldChange;
import cn.gov.lvliang.ledger.query.fundraising.FundraisingScenario;
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

    @Test
    void disposalCaseLists_areNamedByTheirIds_andTheMoneyByItsPath() {
        FundraisingScenario scenario = new FundraisingScenario();
        List<DisposalCaseEvent> c1 = disposal(scenario.c1());
        List<DisposalCaseEvent> c2 = disposal(scenario.c2());
        List<DisposalCaseEvent> c3 = disposal(scenario.c3());

        Map<String, FieldChange> refund = between(DisposalCaseState.fold(c1.subList(0, 9)),
                DisposalCaseState.fold(c1.subList(0, 10)));
        Map<String, FieldChange> province = between(DisposalCaseState.fold(c2.subList(0, 5)),
                DisposalCaseState.fold(c2));
        Map<String, FieldChange> milestone = between(DisposalCaseState.fold(c3.subList(0, 6)),
                DisposalCaseState.fold(c3.subList(0, 7)));

        assertThat(refund.get("refundRounds[roundNumber=1].roundTotalFen").to().asLong()).isEqualTo(12_000_000L);
        assertThat(refund.get("money.refundedFen").to().asLong()).isEqualTo(12_000_000L);
        assertThat(province.get("provinces[code=130000].addedAt").to().asText()).isEqualTo("2025-04-03T02:00:00Z");
        assertThat(province).doesNotContainKey("provinces[code=610000].addedAt");
        assertThat(between(DisposalCaseState.fold(c2.subList(0, 4)), DisposalCaseState.fold(c2.subList(0, 5))))
                .containsKeys("criminalStage", "criminalMilestones[milestone=POLICE_FILED].reachedAt");
        assertThat(milestone.get("plan.milestones[seq=1].completedAt").to().asText())
                .isEqualTo("2025-03-10T02:00:00Z");
        assertThat(milestone.get("plan.milestonesCompleted").to().asInt()).isEqualTo(1);
    }

    private Map<String, FieldChange> changes(List<BundleCaseEvent> before, List<BundleCaseEvent> after) {
        return between(before.isEmpty() ? null : BundleCaseState.fold(before), BundleCaseState.fold(after));
    }

    private Map<String, FieldChange> between(CaseState before, CaseState after) {
        JsonNode from = before == null ? null : json.valueToTree(before);
        JsonNode to = json.valueToTree(after);
        return StateDiff.between(from, to).stream()
                .collect(Collectors.toMap(FieldChange::field, change -> change));
    }

    private static List<DisposalCaseEvent> disposal(List<Object> events) {
        return events.stream().map(DisposalCaseEvent.class::cast).toList();
    }
}
