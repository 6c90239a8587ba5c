package cn.gov.lvliang.ledger.events.bundle;

import java.util.Objects;

/**
 * Who applies for a bundle case.
 *
 * @param kind       a person or an enterprise
 * @param name       the person's or enterprise's name
 * @param identifier the resident identity card number of a person, or the unified social credit code of an
 *                   enterprise; personal data, never shown unmasked outside the roles that need it
 * @param phone      a contact phone number, may be {@code null}; personal data
 */
public record Applicant(ApplicantKind kind, String name, String identifier, String phone) {

    public Applicant {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identifier, "identifier");
    }
}
