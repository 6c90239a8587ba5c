package cn.gov.lvliang.ledger.events.reference;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A version of the reference data was published: the names and codes every read model shows.
 *
 * @param referenceId  the reference data's identifier
 * @param version      the version
 * @param contentHash  the SHA-256 of the data file the version was read from
 * @param divisions    the county-level divisions and the development zone
 * @param units        the government units
 * @param halls        the service halls with their windows
 * @param businessTime when the version was published
 */
@Revision("1")
public record ReferenceDataPublishedEvent(
        String referenceId,
        int version,
        String contentHash,
        List<Division> divisions,
        List<GovernmentUnit> units,
        List<ServiceHall> halls,
        Instant businessTime) {

    /** The one set of reference data the ledger keeps. */
    public static final String REFERENCE_ID = "reference-data";

    public ReferenceDataPublishedEvent {
        divisions = List.copyOf(divisions);
        units = List.copyOf(units);
        halls = List.copyOf(halls);
    }
}
