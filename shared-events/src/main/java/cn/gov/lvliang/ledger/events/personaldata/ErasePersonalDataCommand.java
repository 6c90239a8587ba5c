package cn.gov.lvliang.ledger.events.personaldata;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erases a data subject's personal data from the whole ledger by destroying the subject's keys (crypto-shredding).
 * Carries the subject's pseudonymous reference only, never the identifier it was computed from.
 *
 * @param subjectReference the subject's reference (a keyed hash of its identifier)
 * @param subjectKind what kind of identifier names the subject
 * @param basis the legal ground of the erasure
 * @param decisionReference the number of the deletion decision or request (e.g. 个保删〔2025〕3号)
 * @param businessTime when the erasure was decided in business terms
 */
public record ErasePersonalDataCommand(
        @TargetAggregateIdentifier String subjectReference,
        DataSubjectKind subjectKind,
        ErasureBasis basis,
        String decisionReference,
        Instant businessTime) {
}
