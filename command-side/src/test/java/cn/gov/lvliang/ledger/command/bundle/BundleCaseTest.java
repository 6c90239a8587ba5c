package cn.gov.lvliang.ledger.command.bundle;

import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.BUNDLE_ENTERPRISE_OPENING;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.submit;
import static cn.gov.lvliang.ledger.command.bundle.BundleCaseTestData.submitted;

import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BundleCaseTest {

    private static final BundleCatalog CATALOG = new BundleCatalog(new ObjectMapper().findAndRegisterModules());

    private AggregateTestFixture<BundleCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BundleCase.class);
        fixture.registerInjectableResource(CATALOG);
    }

    @Test
    void submit_recordsTheSubmissionUnderTheCurrentCatalogVersion() {
        fixture.givenNoPriorActivity()
                .when(submit(BUNDLE_ENTERPRISE_OPENING, CATALOG.version()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted(BUNDLE_ENTERPRISE_OPENING, CATALOG.version()));
    }

    @Test
    void submit_isRejected_whenTheBundleIsNotInTheCatalog() {
        fixture.givenNoPriorActivity()
                .when(submit("2099-01", CATALOG.version()))
                .expectNoEvents()
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("bundleCode: no bundle 2099-01 in catalog version " + CATALOG.version());
    }

    @Test
    void submit_isRejected_underAnotherCatalogVersion() {
        fixture.givenNoPriorActivity()
                .when(submit(BUNDLE_ENTERPRISE_OPENING, CATALOG.version() + 1))
                .expectNoEvents()
                .expectException(IllegalArgumentException.class);
    }
}
