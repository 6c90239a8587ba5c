package cn.gov.lvliang.ledger.personaldata;

import cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind;
import cn.gov.lvliang.ledger.events.personaldata.PersonalData;

/**
 * Whether a data subject met in an event has been erased, for readers that show personal data in clear: its field
 * already reads as {@link PersonalData#ERASED}, or its keys are destroyed by now (read from the key table, not from a
 * node's cache, so an erasure on another node counts at once).
 */
public final class Erasures {

    private final SubjectReferences subjects;
    private final DataKeys keys;

    Erasures(SubjectReferences subjects, DataKeys keys) {
        this.subjects = subjects;
        this.keys = keys;
    }

    /** Whether the subject that {@code identifier} (as read from an event) names has been erased. */
    public boolean erased(DataSubjectKind kind, String identifier) {
        return PersonalData.ERASED.equals(identifier) || keys.erased(subjects.of(kind, identifier));
    }
}
