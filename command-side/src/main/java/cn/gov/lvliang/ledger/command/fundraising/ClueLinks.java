package cn.gov.lvliang.ledger.command.fundraising;

import java.time.Instant;
import java.util.List;

/**
 * Takes risk clues into a disposal case while the case is being opened. The clues decide for themselves whether they
 * may be taken (verified as a risk, not yet in a case); a refusal fails the opening, and the clues and the case change
 * together or not at all.
 */
interface ClueLinks {

    /**
     * Takes each clue into the case, in the caller's unit of work. A clue's refusal is thrown as the clue threw it.
     *
     * @throws IllegalArgumentException naming {@code clueIds} when a clue does not exist
     */
    void takeIntoCase(String caseId, List<String> clueIds, String actingUnit, Instant businessTime);
}
