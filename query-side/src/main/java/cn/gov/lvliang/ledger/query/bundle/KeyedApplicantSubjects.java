package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind;
import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import cn.gov.lvliang.ledger.personaldata.DataKeys;
import cn.gov.lvliang.ledger.personaldata.SubjectReferences;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Applicants' subjects from the subject secret and the key table the command side keeps. */
@Component
class KeyedApplicantSubjects implements ApplicantSubjects {

    private final SubjectReferences references;
    private final DataKeys keys;

    KeyedApplicantSubjects(SubjectReferences references, DataKeys keys) {
        this.references = references;
        this.keys = keys;
    }

    @Override
    public Optional<String> of(Applicant applicant) {
        return PersonalData.ERASED.equals(applicant.identifier()) ? Optional.empty()
                : Optional.of(references.of(DataSubjectKind.APPLICANT, applicant.identifier()));
    }

    @Override
    public Set<String> erasedLockingKeys(Collection<String> subjects) {
        return keys.erasedLockingKeys(subjects);
    }

    @Override
    public void forget(String subject) {
        keys.forget(subject);
    }
}
