package cn.gov.lvliang.ledger.query.scoring;

/** The indicators on PostgreSQL, each test in a fresh schema of the test database. */
class IndicatorsPostgresTest extends IndicatorsContract {

    @Override
    ScoringLedger newLedger() {
        return ScoringLedger.postgres();
    }
}
