package cn.gov.lvliang.ledger.events.fundraising;

/**
 * The key areas (重点领域) of the campaign, as 吕政办发〔2024〕20号 §二 prints them.
 */
public enum KeyArea {
    /** 民间投融资中介: private investment and financing intermediaries. */
    INVESTMENT_INTERMEDIARY,
    /** 第三方财富管理: third-party wealth management. */
    THIRD_PARTY_WEALTH_MANAGEMENT,
    /** “伪私募”: sham private funds. */
    FAKE_PRIVATE_EQUITY,
    /** “伪金交所”: sham financial-asset exchanges. */
    FAKE_EXCHANGE,
    /** 金融领域非法中介: illegal intermediaries in finance. */
    ILLEGAL_FINANCIAL_INTERMEDIARY,
    /** 理财: wealth-management offers outside licensed institutions. */
    WEALTH_MANAGEMENT,
    /** 股权众筹: equity crowdfunding. */
    EQUITY_CROWDFUNDING,
    /** 养老: elderly care. */
    ELDERLY_CARE,
    /** 涉农: agriculture-related. */
    AGRICULTURE,
    /** 商贸服务: trade and commercial services. */
    TRADE_SERVICES,
    /** 批发零售: wholesale and retail. */
    WHOLESALE_RETAIL,
    /** 虚拟货币: virtual currency. */
    VIRTUAL_CURRENCY,
    /** 区块链: blockchain. */
    BLOCKCHAIN,
    /** 文化旅游: culture and tourism. */
    CULTURE_TOURISM,
    /** 影视投资: film and television investment. */
    FILM_INVESTMENT,
    /** 解债服务: debt-resolution services. */
    DEBT_RESOLUTION,
    /**
     * 假冒、挂靠央企、国企、中直、事业单位: posing as, or claiming links to, central or state enterprises, central bodies or public
     * institutions.
     */
    STATE_LINK_FRONT,
    /** 打着“产登公司”幌子: fronts styled as property-registration companies. */
    PROPERTY_REGISTRATION_FRONT,
    /** 打着“拍卖公司”幌子: fronts styled as auction companies. */
    AUCTION_FRONT,
    /** Anything outside the printed areas. */
    OTHER
}
