package db.migration.query;

import cn.gov.lvliang.ledger.query.bundle.CaseTally;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Counts the cases already in the read model into the dashboards' tally (V62), with the same code the projection
 * keeps it with, so that an existing read model needs no rebuild to answer its dashboards from the tally.
 */
public class V63__Fill_bundle_case_tally extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        // The migration's own connection, inside its transaction; closing the data source leaves it open.
        CaseTally.fillFromCases(JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true)));
    }
}
