package cn.gov.lvliang.ledger.query.fundraising;

import java.time.LocalDate;

/** Asks for recovery coverage and refund ratios as at the end of a day, for one county or the whole city. */
public record FindRecoveryQuery(String divisionCode, LocalDate asOf) {
}
