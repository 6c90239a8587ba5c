package cn.gov.lvliang.ledger.events.fundraising;

import java.util.Objects;

/**
 * Whom a clue or case is about. A person is named, never identified by an identity number.
 *
 * @param kind an enterprise, another organisation or a person
 * @param name the name as reported or printed
 * @param creditCode the unified social credit code (统一社会信用代码) of an enterprise or organisation, or {@code null};
 *                   always {@code null} for a person
 */
public record FundraisingSubject(
        SubjectKind kind,
        String name,
        String creditCode) {

    public FundraisingSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
