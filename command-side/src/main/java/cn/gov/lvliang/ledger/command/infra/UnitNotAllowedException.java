package cn.gov.lvliang.ledger.command.infra;

/**
 * A unit tried a step that belongs to another unit, such as accepting a case it does not lead or deciding an item
 * it is not responsible for; answered with 403 naming the rule.
 */
public class UnitNotAllowedException extends RuntimeException {

    private final String actingUnit;
    private final String action;

    public UnitNotAllowedException(String actingUnit, String action, String rule) {
        super("Unit " + actingUnit + " may not " + action + ": " + rule);
        this.actingUnit = actingUnit;
        this.action = action;
    }

    public String actingUnit() {
        return actingUnit;
    }

    public String action() {
        return action;
    }
}
