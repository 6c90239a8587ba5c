package cn.gov.lvliang.ledger.query.fundraising;

/** The statistics' SQL on PostgreSQL, in a fresh schema of the test database. */
class FundraisingStatisticsPostgresTest extends FundraisingStatisticsContract {

    @Override
    FundraisingDatabase database() {
        return FundraisingDatabase.postgres();
    }
}
