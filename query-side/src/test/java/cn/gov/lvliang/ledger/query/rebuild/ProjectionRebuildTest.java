package cn.gov.lvliang.ledger.query.rebuild;

import cn.gov.lvliang.ledger.query.support.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Rebuilds on PostgreSQL, as in production: shadow tables renamed into place in one transaction. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${LEDGER_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/ledger_test}?currentSchema="
                + RebuildTestConfiguration.SCHEMA,
        "spring.flyway.schemas=" + RebuildTestConfiguration.SCHEMA,
        "ledger.projections.initial-segment-count=2",
        "ledger.rebuild.batch-size=7"})
@ActiveProfiles("test")
@Import({FixedClockConfiguration.class, RebuildTestConfiguration.class})
class ProjectionRebuildTest extends RebuildContract {
}
