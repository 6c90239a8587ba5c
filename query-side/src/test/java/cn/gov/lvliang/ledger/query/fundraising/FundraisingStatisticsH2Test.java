package cn.gov.lvliang.ledger.query.fundraising;

/** The statistics' SQL, and the read models' writes and queries, on H2 in PostgreSQL mode: the demo's database. */
class FundraisingStatisticsH2Test extends FundraisingStatisticsContract {

    @Override
    FundraisingDatabase database() {
        return FundraisingDatabase.h2();
    }
}
