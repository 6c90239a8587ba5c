package cn.gov.lvliang.ledger.query.fundraising;

/** Asks for the campaign calendar as last published. */
record FindCampaignCalendarQuery() {
}
