package cn.gov.lvliang.ledger.command.fundraising;

import cn.gov.lvliang.ledger.command.infra.IdentityNumbers;
import cn.gov.lvliang.ledger.events.fundraising.FundraisingSubject;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;

/** Checks whom a clue or case is about: named, and a person never with a number that could identify them. */
final class Subjects {

    private static final String CREDIT_CODE = "[0-9A-Z]{18}";

    private Subjects() {
    }

    static void check(FundraisingSubject subject, String field) {
        if (subject == null) {
            throw new IllegalArgumentException(field + ": must not be null");
        }
        if (subject.name().isBlank()) {
            throw new IllegalArgumentException(field + ".name: must not be blank");
        }
        IdentityNumbers.requireNone(subject.name(), field + ".name");
        if (subject.creditCode() != null) {
            if (subject.kind() == SubjectKind.PERSON) {
                throw new IllegalArgumentException(field + ".creditCode: a person has no credit code, and the ledger "
                        + "keeps no identity numbers");
            }
            if (!subject.creditCode().matches(CREDIT_CODE)) {
                throw new IllegalArgumentException(field + ".creditCode: a unified social credit code is 18 digits or "
                        + "capital letters");
            }
        }
    }
}
