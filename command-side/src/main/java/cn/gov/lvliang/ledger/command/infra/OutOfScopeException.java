package cn.gov.lvliang.ledger.command.infra;

/**
 * A signed-in user tried to act outside their county; answered with 403 naming the rule.
 */
public class OutOfScopeException extends RuntimeException {

    public OutOfScopeException(String message) {
        super(message);
    }
}
