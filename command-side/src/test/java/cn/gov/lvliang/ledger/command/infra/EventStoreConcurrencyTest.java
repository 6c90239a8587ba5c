package cn.gov.lvliang.ledger.command.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second writer at a sequence number already taken, as when two command nodes append to one case at once, is a
 * {@link ConcurrencyException} on the real event store, which the gateway decides again; not an error that ends the
 * request with a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventStoreConcurrencyTest {

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEventAtASequenceAnotherWriterTook_isAConcurrencyException() {
        String caseId = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // Rolled back at the end: nothing of this stays in the shared test database.
            status.setRollbackOnly();
            storageEngine.appendEvents(event(caseId, 0), event(caseId, 1));

            assertThatThrownBy(() -> storageEngine.appendEvents(event(caseId, 1)))
                    .isInstanceOf(ConcurrencyException.class);
        });
    }

    private static DomainEventMessage<String> event(String aggregateId, long sequenceNumber) {
        return new GenericDomainEventMessage<>("BundleCase", aggregateId, sequenceNumber, "written by another node");
    }
}
