package cn.gov.lvliang.ledger.query.rebuild;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Work a rebuild runs on another thread beside its own, and waiting for it. */
final class Futures {

    private Futures() {
    }

    /**
     * Runs {@code there} on a thread of {@code beside} while {@code here} runs on this thread, and returns once both
     * have ended: what each gave, {@code here}'s first. A failure of either is thrown as it was, after the other has
     * ended too, so that nothing of the work still runs when the caller cleans up after it.
     */
    static <T> List<T> both(Supplier<T> here, Supplier<T> there, Executor beside) {
        CompletableFuture<T> other = CompletableFuture.supplyAsync(there, beside);
        T mine;
        try {
            mine = here.get();
        } catch (RuntimeException e) {
            other.exceptionally(failure -> null).join();
            throw e;
        }
        return Arrays.asList(mine, joined(other));
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
