package cn.gov.lvliang.ledger.query.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.awaitility.core.ConditionTimeoutException;

/** Waits for the running processors of the test context, which read the shared test database's event store. */
public final class Processors {

    private Processors() {
    }

    public static StreamingEventProcessor of(EventProcessingConfiguration processing, String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + processingGroup));
    }

    /**
     * Waits until the group's processor has claimed its segments and read the event store to its end: from then on
     * it writes only for events appended later, so a test can write the same tables without racing it. (A segment
     * that was reset may still call itself replaying at the end of the stream, until a later event passes the
     * reset position; it has nothing left to replay.)
     */
    public static void awaitCaughtUp(EventProcessingConfiguration processing, String processingGroup) {
        StreamingEventProcessor processor = of(processing, processingGroup);
        try {
            await(processingGroup + " caught up").atMost(Duration.ofSeconds(60)).until(() -> {
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                // Every segment claimed: right after a start, a segment that is claimed and caught up says nothing
                // of the ones not claimed yet.
                int segments = processing.tokenStore(processingGroup).fetchSegments(processor.getName()).length;
                return processor.isRunning() && status.size() == segments && status.values().stream()
                        .allMatch(segment -> segment.isCaughtUp() && !segment.isErrorState());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(processingGroup + " did not catch up; running " + processor.isRunning()
                    + ", segments " + processor.processingStatus(), e);
        }
    }

    /**
     * Rebuilds the group's read model from the event store: for tests that fed the projection directly and must
     * leave the shared test database's read model as the stored events make it, for the tests that follow.
     */
    public static void replay(EventProcessingConfiguration processing, String processingGroup) {
        StreamingEventProcessor processor = of(processing, processingGroup);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp(processing, processingGroup);
    }
}
