package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.query.support.Processors;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;

/**
 * The fundraising read models of the running query side, for the tests on the shared test database that feed their
 * projections directly rather than through the event store.
 */
public final class FundraisingReadModels {

    /** The processing groups of the clue, case and campaign-calendar projections. */
    public static final List<String> PROCESSING_GROUPS = List.of(RiskClueProjection.PROCESSING_GROUP,
            DisposalCaseProjection.PROCESSING_GROUP, CampaignCalendarProjection.PROCESSING_GROUP);

    private FundraisingReadModels() {
    }

    /**
     * Rebuilds the clue, case and calendar read models from the event store: a test that fed them directly calls it
     * when done, so that it leaves them to the tests that follow as the stored events make them. Otherwise a later
     * replay (FundraisingReplayTest's) would find a calendar or a clue that no stored event makes, and its live and
     * replayed models would differ by what ran before it.
     */
    public static void restore(EventProcessingConfiguration processing) {
        PROCESSING_GROUPS.forEach(group -> Processors.replay(processing, group));
    }
}
