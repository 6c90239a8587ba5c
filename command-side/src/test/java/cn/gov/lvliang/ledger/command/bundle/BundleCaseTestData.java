package cn.gov.lvliang.ledger.command.bundle;

import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.SubmitBundleCaseCommand;
import java.time.Instant;

/** Ids and sample data for bundle-case tests. */
final class BundleCaseTestData {

    static final String CASE_ID = "case-0001";
    static final String BUNDLE_ENTERPRISE_OPENING = "2024-01";
    static final String LISHI = "141102";
    static final String LISHI_HALL = "141102-HALL";
    static final String LISHI_ONE_THING_WINDOW = "141102-HALL-W04";
    static final Instant SUBMITTED_AT = Instant.parse("2024-09-02T01:30:00Z");
    static final Applicant ENTERPRISE =
            new Applicant(ApplicantKind.ENTERPRISE, "吕梁示范商贸有限公司", "91141100MA0ABCDE12", "13800000000");

    private BundleCaseTestData() {
    }

    static SubmitBundleCaseCommand submit(String bundleCode, int catalogVersion) {
        return new SubmitBundleCaseCommand(CASE_ID, bundleCode, catalogVersion, ENTERPRISE, LISHI, LISHI_HALL,
                Channel.WINDOW, LISHI_ONE_THING_WINDOW, SUBMITTED_AT);
    }

    static BundleCaseSubmittedEvent submitted(String bundleCode, int catalogVersion) {
        return new BundleCaseSubmittedEvent(CASE_ID, bundleCode, catalogVersion, ENTERPRISE, LISHI, LISHI_HALL,
                Channel.WINDOW, LISHI_ONE_THING_WINDOW, SUBMITTED_AT);
    }
}
