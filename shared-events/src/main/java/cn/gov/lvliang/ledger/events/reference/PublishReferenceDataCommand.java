package cn.gov.lvliang.ledger.events.reference;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publishes a version of the reference data (divisions, units, halls and windows) into the ledger; the same rules
 * as the catalog apply: the same version with the same content changes nothing, other content needs a new version.
 *
 * @param referenceId  the reference data's identifier, {@value ReferenceDataPublishedEvent#REFERENCE_ID}
 * @param version      the version
 * @param contentHash  the SHA-256 of the data file the version was read from
 * @param divisions    the county-level divisions and the development zone
 * @param units        the government units
 * @param halls        the service halls with their windows
 * @param businessTime when the version was published
 */
public record PublishReferenceDataCommand(
        @TargetAggregateIdentifier String referenceId,
        int version,
        String contentHash,
        List<Division> divisions,
        List<GovernmentUnit> units,
        List<ServiceHall> halls,
        Instant businessTime) {

    public PublishReferenceDataCommand {
        divisions = List.copyOf(divisions);
        units = List.copyOf(units);
        halls = List.copyOf(halls);
    }
}
