package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An applicant submitted a bundle case, opening it under a catalog version. The bundle's lead unit and items
 * are copied from that catalog version, so the case's history stands on its own.
 *
 * <p>Revision 2 stores the applicant's name, identifier and phone encrypted under the applicant's key
 * ({@link cn.gov.lvliang.ledger.events.personaldata.PersonalData}); revision 1 stored them in clear and still reads
 * as it was.
 *
 * @param caseId the case
 * @param bundleCode the catalog code of the bundle
 * @param catalogVersion the catalog version the case was opened under
 * @param leadUnit the code of the bundle's lead unit in the catalog
 * @param items the bundle's items with their responsible units
 * @param applicant who applied
 * @param divisionCode the county-level division handling the case
 * @param hallCode the service hall, or {@code null}
 * @param channel how the application arrived
 * @param windowCode the window, or {@code null}
 * @param businessTime when it happened in business terms
 */
@Revision("2")
public record BundleCaseSubmittedEvent(
        String caseId,
        String bundleCode,
        int catalogVersion,
        String leadUnit,
        List<CaseItem> items,
        Applicant applicant,
        String divisionCode,
        String hallCode,
        Channel channel,
        String windowCode,
        Instant businessTime) implements BundleCaseEvent {

    public BundleCaseSubmittedEvent {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
