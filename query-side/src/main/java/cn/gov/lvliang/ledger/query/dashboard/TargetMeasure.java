package cn.gov.lvliang.ledger.query.dashboard;

/** What the ledger measures a target with, or that it has nothing to measure it with. */
public enum TargetMeasure {
    /** Bundles of the year's list with at least one case. */
    BUNDLES_IN_OPERATION(true),
    /** Distinct items of the cases transferred city-wide (全市通办) within the year. */
    CITY_WIDE_ITEMS(true),
    /** Distinct items of the cases transferred cross-city (跨市通办) within the year. */
    CROSS_CITY_ITEMS(true),
    /** "多业一证" licences: not in the ledger. */
    MULTI_INDUSTRY_LICENCES(false),
    /** Coverage of sub-districts and townships by self-service terminals: the ledger does not know where they are. */
    SELF_SERVICE_COVERAGE(false),
    /** Redeemable policy items on 吕梁政企通: not in the ledger. */
    POLICY_ITEMS(false),
    /** Money paid out through 吕梁政企通: not in the ledger. */
    POLICY_PAYOUT_YUAN(false);

    private final boolean inLedger;

    TargetMeasure(boolean inLedger) {
        this.inLedger = inLedger;
    }

    /** Whether the ledger holds the data to measure it. */
    public boolean inLedger() {
        return inLedger;
    }
}
