package cn.gov.lvliang.ledger.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A case as its own events make it at some instant, one record per {@link CaseKind}: what the as-of view answers.
 * Sealed, so that every kind of state has its fold and every fold its kind.
 */
@Schema(oneOf = {BundleCaseState.class, RiskClueState.class, DisposalCaseState.class})
public sealed interface CaseState permits BundleCaseState, RiskClueState, DisposalCaseState {
}
