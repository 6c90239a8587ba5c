package cn.gov.lvliang.ledger.query.support;

/** Request bodies the end-to-end tests send to the command side. */
public final class SampleRequests {

    private SampleRequests() {
    }

    /** An enterprise opening (企业开办) at the one-thing window of the Lishi hall, back-dated to 2024-09-02. */
    public static String enterpriseOpening(String requestId) {
        return """
                {"requestId": "%s", "bundleCode": "2024-01",
                 "applicant": {"kind": "ENTERPRISE", "name": "吕梁示范商贸有限公司", "identifier": "91141100MA0ABCDE12"},
                 "divisionCode": "141102", "hallCode": "141102-HALL", "channel": "WINDOW",
                 "windowCode": "141102-HALL-W04", "businessTime": "2024-09-02T01:30:00Z"}""".formatted(requestId);
    }
}
