package cn.gov.lvliang.ledger.events.fundraising;

import static cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind.REPORTER;

import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import java.util.Objects;

/**
 * Who reported a clue, reduced to what a reward needs. The ledger never stores a reporter's name or identity number:
 * {@code handle} is the reporting channel's own reference for the reporter (e.g. the query code the provincial
 * mini-program issues), and only a named reporter leaves a contact. An anonymous reporter is known by the handle
 * alone, which is enough to claim a reward (举报人保护制度). Handle and contact are personal data: events store them
 * encrypted under the key of the handle, and they read as {@link PersonalData#ERASED} once that key is destroyed.
 *
 * @param anonymous whether the reporter chose to stay anonymous
 * @param handle the channel's reference for the reporter; never an identity number
 * @param contact how to reach a named reporter (a phone number or e-mail), or {@code null}; always {@code null} when
 *                anonymous
 */
public record Reporter(
        boolean anonymous,
        @PersonalData(subjectKind = REPORTER) String handle,
        @PersonalData(subjectKind = REPORTER, subjectFrom = "handle") String contact) {

    public Reporter {
        Objects.requireNonNull(handle, "handle");
    }
}
