package cn.gov.lvliang.ledger.command.generator;

import cn.gov.lvliang.ledger.command.generator.SimulatedDeadlines.Scheduled;
import cn.gov.lvliang.ledger.command.infra.DeadlinePolicy;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind;
import cn.gov.lvliang.ledger.personaldata.DataKeys;
import cn.gov.lvliang.ledger.personaldata.SubjectReferences;
import java.util.stream.Collectors;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of generated cases the way the command side stores what it decides, only many cases at once: the
 * events through the application's own {@link EventStorageEngine} (Axon's JDBC engine with the personal-data
 * serializer, one batched INSERT), the {@code processed_request} row of each command, and the deadlines of open cases
 * that fall due after now to the real scheduler, all in one transaction.
 */
@Component
class GeneratedBatchWriter {

    private final EventStorageEngine storageEngine;
    private final IdempotentCommandGateway processedRequests;
    private final DeadlineManager deadlineManager;
    private final DeadlinePolicy deadlinePolicy;
    private final DataKeys dataKeys;
    private final SubjectReferences subjects;
    private final TransactionTemplate transactions;

    GeneratedBatchWriter(EventStorageEngine storageEngine, IdempotentCommandGateway processedRequests,
                         DeadlineManager deadlineManager, DeadlinePolicy deadlinePolicy, DataKeys dataKeys,
                         SubjectReferences subjects, PlatformTransactionManager transactionManager) {
        this.storageEngine = storageEngine;
        this.processedRequests = processedRequests;
        this.deadlineManager = deadlineManager;
        this.deadlinePolicy = deadlinePolicy;
        this.dataKeys = dataKeys;
        this.subjects = subjects;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Writes one batch. The data keys of applicants new to the ledger are created first, together, in a transaction
     * of their own, as the serializer would create each on its own before encrypting under it.
     */
    void write(GeneratedBatch batch) {
        dataKeys.ensureLiveKeys(batch.events.stream()
                .map(DomainEventMessage::getPayload)
                .filter(BundleCaseSubmittedEvent.class::isInstance)
                .map(event -> subjects.of(DataSubjectKind.APPLICANT,
                        ((BundleCaseSubmittedEvent) event).applicant().identifier()))
                .collect(Collectors.toSet()));
        transactions.executeWithoutResult(status -> {
            storageEngine.appendEvents(batch.events);
            processedRequests.recordAll(batch.requests);
            for (Scheduled deadline : batch.liveDeadlines) {
                deadlineManager.schedule(deadlinePolicy.fireAt(deadline.fireAt()), deadline.name(),
                        deadline.message(), deadline.scope());
            }
        });
    }
}
