package cn.gov.lvliang.ledger.command.generator;

import cn.gov.lvliang.ledger.command.generator.SimulatedDeadlines.Scheduled;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway.ProcessedRequest;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Generated cases on their way to the store, written together in one transaction: their events, the rows of the
 * requests that produced them, and the deadlines of the open ones that are still to come.
 */
final class GeneratedBatch {

    /** What one case left: its events, its requests, and the deadlines the live scheduler must take over. */
    record GeneratedCase(String caseId, List<DomainEventMessage<?>> events, List<ProcessedRequest> requests,
                         List<Scheduled> liveDeadlines, boolean open) {
    }

    final List<DomainEventMessage<?>> events = new ArrayList<>();
    final List<ProcessedRequest> requests = new ArrayList<>();
    final List<Scheduled> liveDeadlines = new ArrayList<>();
    int cases;
    int openCases;

    void add(GeneratedCase generated) {
        events.addAll(generated.events());
        requests.addAll(generated.requests());
        liveDeadlines.addAll(generated.liveDeadlines());
        cases++;
        if (generated.open()) {
            openCases++;
        }
    }
}
