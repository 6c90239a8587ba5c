package cn.gov.lvliang.ledger.events.personaldata;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A data subject's personal data was erased: every key the subject's data was encrypted under was destroyed, so
 * their identifiers, names and contacts read as {@link PersonalData#ERASED} in every event, history included. The
 * event itself holds no personal data, only the subject's pseudonymous reference; the rest of every event stays as
 * it was stored, and the sealed hash chain over the stored bytes still verifies.
 *
 * @param subjectReference the subject's reference (a keyed hash of its identifier)
 * @param subjectKind what kind of identifier names the subject
 * @param keysDestroyed how many of the subject's keys were destroyed (a subject gets a new key if it appears again
 *                      after an erasure)
 * @param basis the legal ground of the erasure
 * @param decisionReference the number of the deletion decision or request
 * @param businessTime when the erasure was decided in business terms
 */
@Revision("1")
public record PersonalDataErasedEvent(
        String subjectReference,
        DataSubjectKind subjectKind,
        int keysDestroyed,
        ErasureBasis basis,
        String decisionReference,
        Instant businessTime) {
}
