package cn.gov.lvliang.ledger.query.infra;

/**
 * A request parameter that is well-formed but not acceptable (a page size over the limit, a date range the wrong
 * way round, an unknown sort key); answered with 400 naming the parameter.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
