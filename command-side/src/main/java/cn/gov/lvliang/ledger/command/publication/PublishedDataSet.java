package cn.gov.lvliang.ledger.command.publication;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gov.lvliang.ledger.command.infra.CaseStateException;
import cn.gov.lvliang.ledger.events.catalog.BundleCatalogPublishedEvent;
import cn.gov.lvliang.ledger.events.catalog.PublishBundleCatalogCommand;
import cn.gov.lvliang.ledger.events.fundraising.CampaignCalendarPublishedEvent;
import cn.gov.lvliang.ledger.events.fundraising.PublishCampaignCalendarCommand;
import cn.gov.lvliang.ledger.events.reference.PublishReferenceDataCommand;
import cn.gov.lvliang.ledger.events.reference.ReferenceDataPublishedEvent;
import cn.gov.lvliang.ledger.events.scoring.PublishScoringRubricCommand;
import cn.gov.lvliang.ledger.events.scoring.ScoringRubricPublishedEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The version history of one data set the ledger decides against: the bundle catalog, the reference data, the
 * fundraising campaign's calendar or the scoring rubric. A
 * version, once published, stands for its content forever; a change is a new, higher version. Publishing a version
 * again with the same content changes nothing, so every node may publish at start-up.
 */
@Aggregate
class PublishedDataSet {

    @AggregateIdentifier
    private String dataSetId;
    private final Map<Integer, String> hashesByVersion = new HashMap<>();
    private int latestVersion;

    /** Answers whether the version was published now ({@code false}: it already was, with the same content). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(PublishBundleCatalogCommand command) {
        return publish(command.version(), command.contentHash(), () -> new BundleCatalogPublishedEvent(
                command.catalogId(), command.version(), command.contentHash(), command.title(), command.source(),
                command.bundles(), command.businessTime()));
    }

    /** Answers whether the version was published now ({@code false}: it already was, with the same content). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(PublishReferenceDataCommand command) {
        return publish(command.version(), command.contentHash(), () -> new ReferenceDataPublishedEvent(
                command.referenceId(), command.version(), command.contentHash(), command.divisions(),
                command.units(), command.halls(), command.businessTime()));
    }

    /** Answers whether the version was published now ({@code false}: it already was, with the same content). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(PublishCampaignCalendarCommand command) {
        return publish(command.version(), command.contentHash(), () -> new CampaignCalendarPublishedEvent(
                command.calendarId(), command.version(), command.contentHash(), command.source(),
                command.campaignFrom(), command.campaignTo(), command.phases(), command.reportingDeadlines(),
                command.tables(), command.businessTime()));
    }

    /** Answers whether the version was published now ({@code false}: it already was, with the same content). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(PublishScoringRubricCommand command) {
        return publish(command.version(), command.contentHash(), () -> new ScoringRubricPublishedEvent(
                command.rubricId(), command.version(), command.contentHash(), command.name(), command.source(),
                command.indicators(), command.penalties(), command.businessTime()));
    }

    private boolean publish(int version, String contentHash, Supplier<Object> published) {
        String known = hashesByVersion.get(version);
        if (known != null) {
            if (known.equals(contentHash)) {
                return false;
            }
            throw new CaseStateException("VERSION_PUBLISHED", "published-versions-are-immutable",
                    "Version " + version + " of " + dataSetId + " was published with other content (" + known
                            + "); a change needs a new version");
        }
        if (version <= latestVersion) {
            throw new CaseStateException("VERSION_" + latestVersion, "versions-increase",
                    "Version " + version + " is older than the published version " + latestVersion);
        }
        apply(published.get());
        return true;
    }

    @EventSourcingHandler
    void on(BundleCatalogPublishedEvent event) {
        recordVersion(event.catalogId(), event.version(), event.contentHash());
    }

    @EventSourcingHandler
    void on(ReferenceDataPublishedEvent event) {
        recordVersion(event.referenceId(), event.version(), event.contentHash());
    }

    @EventSourcingHandler
    void on(CampaignCalendarPublishedEvent event) {
        recordVersion(event.calendarId(), event.version(), event.contentHash());
    }

    @EventSourcingHandler
    void on(ScoringRubricPublishedEvent event) {
        recordVersion(event.rubricId(), event.version(), event.contentHash());
    }

    private void recordVersion(String id, int version, String contentHash) {
        dataSetId = id;
        hashesByVersion.put(version, contentHash);
        latestVersion = Math.max(latestVersion, version);
    }

    // Axon creates the aggregate through this constructor, then applies its events or the creating command.
    PublishedDataSet() {
    }
}
