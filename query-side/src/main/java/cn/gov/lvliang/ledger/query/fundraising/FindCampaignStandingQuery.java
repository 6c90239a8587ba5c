package cn.gov.lvliang.ledger.query.fundraising;

/** Asks where the counties (or one county) stand against the campaign calendar today. */
public record FindCampaignStandingQuery(String divisionCode) {
}
