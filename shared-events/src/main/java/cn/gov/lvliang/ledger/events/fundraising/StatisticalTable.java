package cn.gov.lvliang.ledger.events.fundraising;

/**
 * A statistical table attached to the plan (online edition only).
 *
 * @param attachment its attachment number
 * @param title its title as printed
 */
public record StatisticalTable(
        int attachment,
        String title) {
}
