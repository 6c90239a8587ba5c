package cn.gov.lvliang.ledger.verifier;

/** The journal no longer reproduces the last checkpoint, so no new checkpoint is signed over it. */
public final class HistoryChangedException extends IllegalStateException {

    public HistoryChangedException(String message) {
        super(message);
    }
}
