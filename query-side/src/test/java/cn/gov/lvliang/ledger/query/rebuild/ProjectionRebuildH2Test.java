package cn.gov.lvliang.ledger.query.rebuild;

import cn.gov.lvliang.ledger.query.support.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Rebuilds on H2 in PostgreSQL mode, the demo's database: the switch copies the rebuilt rows in one transaction. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ledger-rebuild-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "ledger.projections.initial-segment-count=2",
        "ledger.rebuild.batch-size=7"})
@Import({FixedClockConfiguration.class, RebuildTestConfiguration.class})
@ActiveProfiles("test")
class ProjectionRebuildH2Test extends RebuildContract {
}
