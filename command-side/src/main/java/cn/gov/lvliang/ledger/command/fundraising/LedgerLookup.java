package cn.gov.lvliang.ledger.command.fundraising;

/**
 * Answers whether an id names a risk clue or a disposal case, for steps that refer to another aggregate (a duplicate's
 * original, the case a case is merged into) without changing it.
 */
interface LedgerLookup {

    boolean isRiskClue(String id);

    boolean isDisposalCase(String id);
}
