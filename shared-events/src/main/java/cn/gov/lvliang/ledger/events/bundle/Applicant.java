package cn.gov.lvliang.ledger.events.bundle;

import static cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind.APPLICANT;

import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import java.util.Objects;

/**
 * Who applies for a bundle case. The name, identifier and phone are personal data: events store them encrypted under
 * the key of the applicant's identifier, and they read as {@link PersonalData#ERASED} once that key is destroyed.
 *
 * @param kind       a person or an enterprise
 * @param name       the person's or enterprise's name
 * @param identifier the resident identity card number of a person, or the unified social credit code of an
 *                   enterprise; personal data, never shown unmasked outside the roles that need it
 * @param phone      a contact phone number, may be {@code null}; personal data
 */
public record Applicant(
        ApplicantKind kind,
        @PersonalData(subjectKind = APPLICANT, subjectFrom = "identifier") String name,
        @PersonalData(subjectKind = APPLICANT) String identifier,
        @PersonalData(subjectKind = APPLICANT, subjectFrom = "identifier") String phone) {

    public Applicant {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identifier, "identifier");
    }
}
