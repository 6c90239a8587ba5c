package cn.gov.lvliang.ledger.command.infra;

/**
 * A command that the case's current state forbids; answered with 409 naming the state and the rule.
 */
public class CaseStateException extends IllegalStateException {

    private final String currentState;
    private final String rule;

    public CaseStateException(String currentState, String rule, String message) {
        super(message);
        this.currentState = currentState;
        this.rule = rule;
    }

    public String currentState() {
        return currentState;
    }

    public String rule() {
        return rule;
    }
}
