package cn.gov.lvliang.ledger.command.publication;

import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.command.fundraising.CampaignCalendar;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.scoring.Rubrics;
import cn.gov.lvliang.ledger.events.catalog.BundleCatalogPublishedEvent;
import cn.gov.lvliang.ledger.events.catalog.PublishBundleCatalogCommand;
import cn.gov.lvliang.ledger.events.reference.PublishReferenceDataCommand;
import cn.gov.lvliang.ledger.events.reference.ReferenceDataPublishedEvent;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Publishes the catalog, the reference data, the campaign calendar and every version of the scoring rubric this node
 * decides against into the ledger at start-up, so that the query side builds its names, catalog and rubrics from
 * events, and every case's catalog version and every score's rubric version is on record.
 */
@Component
class DataSetPublisher implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DataSetPublisher.class);

    private final CommandGateway commandGateway;
    private final BundleCatalog catalog;
    private final ReferenceData referenceData;
    private final CampaignCalendar campaignCalendar;
    private final Rubrics rubrics;
    private final Clock clock;

    DataSetPublisher(CommandGateway commandGateway, BundleCatalog catalog, ReferenceData referenceData,
                     CampaignCalendar campaignCalendar, Rubrics rubrics, Clock clock) {
        this.commandGateway = commandGateway;
        this.catalog = catalog;
        this.referenceData = referenceData;
        this.campaignCalendar = campaignCalendar;
        this.rubrics = rubrics;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        publish("reference data v" + referenceData.version(), new PublishReferenceDataCommand(
                ReferenceDataPublishedEvent.REFERENCE_ID, referenceData.version(), referenceData.contentHash(),
                referenceData.divisions(), referenceData.units(), referenceData.halls(), clock.instant()));
        publish("bundle catalog v" + catalog.version(), new PublishBundleCatalogCommand(
                BundleCatalogPublishedEvent.CATALOG_ID, catalog.version(), catalog.contentHash(), catalog.title(),
                catalog.source(), catalog.bundles(), clock.instant()));
        publish("campaign calendar v" + campaignCalendar.version(), campaignCalendar.publishCommand(clock.instant()));
        // Oldest first: a version is refused once a later one is out.
        for (int version : rubrics.versions()) {
            publish("scoring rubric v" + version, rubrics.publishCommand(version, clock.instant()));
        }
    }

    private void publish(String what, Object command) {
        Boolean published;
        try {
            published = commandGateway.sendAndWait(command);
        } catch (ConcurrencyException e) {
            // Another node published at the same moment; the retry finds its version and changes nothing.
            published = commandGateway.sendAndWait(command);
        }
        log.info(Boolean.TRUE.equals(published) ? "Published {}" : "{} was already published", what);
    }
}
