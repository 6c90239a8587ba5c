package cn.gov.lvliang.ledger.query.scoring;

/** The indicators on H2 in PostgreSQL mode, the zero-install demo's database. */
class IndicatorsH2Test extends IndicatorsContract {

    @Override
    ScoringLedger newLedger() {
        return ScoringLedger.h2();
    }
}
