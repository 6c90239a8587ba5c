package cn.gov.lvliang.ledger.command.personaldata;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.CaseStateException;
import cn.gov.lvliang.ledger.events.personaldata.ErasePersonalDataCommand;
import cn.gov.lvliang.ledger.events.personaldata.PersonalDataErasedEvent;
import cn.gov.lvliang.ledger.personaldata.DataKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A data subject (个人信息主体) as the ledger knows it: by its pseudonymous reference, and by the erasures of its personal
 * data. It exists from its first erasure; the subject's data itself lives encrypted in other aggregates' events.
 */
@Aggregate
class DataSubject {

    @AggregateIdentifier
    private String subjectReference;
    private int erasures;

    /**
     * Destroys the subject's keys and records the erasure, in one transaction: the keys are gone exactly when the
     * event is stored. A subject with no live key (never seen, or erased and not seen since) has nothing to erase.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ErasePersonalDataCommand command, DataKeys keys, BusinessTimePolicy businessTime) {
        businessTime.check(command.businessTime());
        int destroyed = keys.destroy(command.subjectReference());
        if (destroyed == 0) {
            throw new CaseStateException(erasures == 0 ? "UNKNOWN" : "ERASED", "nothing-to-erase",
                    "The ledger holds no readable personal data of subject " + command.subjectReference());
        }
        apply(new PersonalDataErasedEvent(command.subjectReference(), command.subjectKind(), destroyed,
                command.basis(), command.decisionReference(), command.businessTime()));
    }

    @EventSourcingHandler
    void on(PersonalDataErasedEvent event) {
        subjectReference = event.subjectReference();
        erasures++;
    }

    /** Axon creates the aggregate empty before its first command or event. */
    DataSubject() {
    }
}
