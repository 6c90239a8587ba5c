package cn.gov.lvliang.ledger.command.bundle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.SubmitBundleCaseCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One bundle case, from submission to its end. Decides every command about the case and records the outcome as
 * events; its state is only ever rebuilt from those events.
 */
@Aggregate
class BundleCase {

    @AggregateIdentifier
    private String caseId;
    private String bundleCode;
    private int catalogVersion;

    @CommandHandler
    BundleCase(SubmitBundleCaseCommand command, BundleCatalog catalog) {
        if (command.catalogVersion() != catalog.version()) {
            throw new IllegalArgumentException("catalogVersion: the ledger decides against catalog version "
                    + catalog.version() + ", not " + command.catalogVersion());
        }
        if (!catalog.contains(command.bundleCode())) {
            throw new IllegalArgumentException("bundleCode: no bundle " + command.bundleCode()
                    + " in catalog version " + catalog.version());
        }
        apply(new BundleCaseSubmittedEvent(
                command.caseId(),
                command.bundleCode(),
                command.catalogVersion(),
                command.applicant(),
                command.divisionCode(),
                command.hallCode(),
                command.channel(),
                command.windowCode(),
                command.businessTime()));
    }

    @EventSourcingHandler
    void on(BundleCaseSubmittedEvent event) {
        caseId = event.caseId();
        bundleCode = event.bundleCode();
        catalogVersion = event.catalogVersion();
    }

    // Axon rebuilds the aggregate from its events through this constructor.
    BundleCase() {
    }
}
