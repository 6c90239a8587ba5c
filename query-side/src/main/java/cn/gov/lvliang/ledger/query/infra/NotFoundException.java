package cn.gov.lvliang.ledger.query.infra;

/** Something the caller asked for does not exist (yet); answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
