package cn.gov.lvliang.ledger.events.fundraising;

/**
 * The kind of an asset recovered (追赃挽损).
 */
public enum AssetKind {
    /** Cash. */
    CASH,
    /** Money in bank or payment accounts. */
    BANK_DEPOSIT,
    /** Real estate, at its realised or appraised value. */
    REAL_ESTATE,
    /** Vehicles, at their realised or appraised value. */
    VEHICLE,
    /** Shares and other equity, at their realised or appraised value. */
    EQUITY,
    /** Anything else, e.g. commissions and fees clawed back (代理费、佣金、提成). */
    OTHER
}
