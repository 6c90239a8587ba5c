package cn.gov.lvliang.ledger.query.rebuild;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work a rebuild runs on another thread beside its own. */
final class Futures {

    private Futures() {
    }

    /** What {@code work} gives once it is done, or the failure it met, as it was thrown. */
    static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }
}
