package cn.gov.lvliang.ledger.query.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.ledger.query.reference.ReferenceTestData;
import cn.gov.lvliang.ledger.query.support.Processors;
import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The real path: the scenario's clue and case events stored in the shared event store as the command side stores them
 * (Jackson JSON, revision 1), read by the running pooled processors, then replayed from the start after a token reset
 * of each fundraising processing group. The replayed read models must equal the live ones; since every event type is
 * among the stored ones, this also proves that each type survives serialization.
 */
@QuerySideTest
class FundraisingReplayTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    RiskClueProjection clues;

    @Autowired
    DisposalCaseProjection cases;

    @Autowired
    CampaignCalendarProjection calendar;

    @Autowired
    ApplicationContext context;

    @Test
    void replayFromTheStart_rebuildsTheSameCluesCasesAndCalendar() {
        Processors.awaitCaughtUp(processing, "reference-data");
        // Live models as the stored events make them, even if a test before fed the projections directly and was
        // stopped before it restored them: only then does "replayed equals live" say something about the replay.
        FundraisingReadModels.restore(processing);
        ReferenceTestData.publish(context);
        String token = UUID.randomUUID().toString().substring(0, 8);
        // Legacy codes of the test's own: the plan's belong to the command side's imports.
        FundraisingScenario scenario = new FundraisingScenario("T-" + token + "-1", "T-" + token + "-2");
        Map<String, Integer> expected = new LinkedHashMap<>();
        eventStore.publish(stored(scenario.events(), expected));

        Snapshot live = awaitProjected(scenario, expected);
        for (String group : FundraisingReadModels.PROCESSING_GROUPS) {
            StreamingEventProcessor processor = Processors.of(processing, group);
            processor.shutDown();
            processor.resetTokens();
        }
        assertThat(clues.handle(new FindRiskClueQuery(scenario.l1))).as("cleared by the reset handler").isEmpty();
        assertThat(cases.handle(new FindDisposalCaseQuery(scenario.c1))).as("cleared by the reset handler").isEmpty();
        assertThat(calendar.calendar()).as("cleared by the reset handler").isEmpty();
        for (String group : FundraisingReadModels.PROCESSING_GROUPS) {
            Processors.of(processing, group).start();
            Processors.awaitCaughtUp(processing, group);
        }

        Snapshot replayed = awaitProjected(scenario, expected);
        assertThat(replayed).isEqualTo(live);
        assertThat(replayed.cases().get(scenario.c3).status()).isEqualTo(DisposalCaseStatus.CLOSED);
        assertThat(replayed.clues().get(scenario.l2).overdue()).isTrue();
    }

    /** Waits until the processors have applied every event of every clue and case, then reads them. */
    private Snapshot awaitProjected(FundraisingScenario scenario, Map<String, Integer> expected) {
        await("projection of the scenario").atMost(Duration.ofSeconds(60)).until(() ->
                expected.entrySet().stream().allMatch(entry -> lastSequence(entry.getKey())
                        .map(sequence -> sequence == entry.getValue() - 1)
                        .orElse(false)));
        Map<String, RiskClueView> clueViews = new LinkedHashMap<>();
        Map<String, DisposalCaseView> caseViews = new LinkedHashMap<>();
        for (String id : expected.keySet()) {
            clues.handle(new FindRiskClueQuery(id)).ifPresent(view -> clueViews.put(id, view));
            cases.handle(new FindDisposalCaseQuery(id)).ifPresent(view -> caseViews.put(id, view));
        }
        List<LegacyCasesView.LegacyCaseView> legacy = cases.handle(new FindLegacyCasesQuery()).cases().stream()
                .filter(legacyCase -> List.of(scenario.lxCode, scenario.llCode).contains(legacyCase.legacyCode()))
                .toList();
        return new Snapshot(clueViews, caseViews, legacy, calendar.calendar());
    }

    private Optional<Long> lastSequence(String aggregateId) {
        Optional<Long> clue = clues.handle(new FindRiskClueQuery(aggregateId)).map(RiskClueView::lastEventSequence);
        return clue.isPresent() ? clue
                : cases.handle(new FindDisposalCaseQuery(aggregateId)).map(DisposalCaseView::lastEventSequence);
    }

    /** The events as the command side stores them, each aggregate's numbered from 0; counts them per aggregate. */
    private static List<DomainEventMessage<?>> stored(List<Object> events, Map<String, Integer> counts) {
        Map<String, Long> sequences = new HashMap<>();
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            String id = FundraisingEvents.aggregateId(event);
            long sequence = sequences.merge(id, 1L, Long::sum) - 1;
            counts.merge(id, 1, Integer::sum);
            messages.add(new GenericDomainEventMessage<>(FundraisingEvents.aggregateType(event), id, sequence, event,
                    Map.of(), UUID.randomUUID().toString(), FundraisingEvents.recordedAt(event)));
        }
        return messages;
    }

    private record Snapshot(
            Map<String, RiskClueView> clues,
            Map<String, DisposalCaseView> cases,
            List<LegacyCasesView.LegacyCaseView> legacy,
            Optional<CampaignCalendar> calendar) {
    }
}
