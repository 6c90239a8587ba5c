package cn.gov.lvliang.ledger.query.dashboard;

import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.query.dashboard.ReformTargets.Comparison;
import cn.gov.lvliang.ledger.query.dashboard.ReformTargets.Target;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Sets each target of {@link ReformTargets} against the ledger's actual, where the ledger has one. */
@Component
public class TargetProgress {

    private final ReformTargets targets;
    private final DashboardQueries queries;
    private final Clock clock;

    TargetProgress(ReformTargets targets, DashboardQueries queries, Clock clock) {
        this.targets = targets;
        this.queries = queries;
        this.clock = clock;
    }

    /** Every target in the file's order with its actual and standing. */
    public List<Progress> all() {
        return targets.targets().stream().map(this::progress).toList();
    }

    private Progress progress(Target target) {
        Long actual = switch (target.measure()) {
            case BUNDLES_IN_OPERATION -> queries.bundlesOfYear(target.year()).stream()
                    .filter(DashboardQueries.BundleInOperation::inOperation).count();
            case CITY_WIDE_ITEMS -> (long) queries.transferredItems(TransferMode.CITY_WIDE, target.year()).size();
            case CROSS_CITY_ITEMS -> (long) queries.transferredItems(TransferMode.CROSS_CITY, target.year()).size();
            case MULTI_INDUSTRY_LICENCES, SELF_SERVICE_COVERAGE, POLICY_ITEMS, POLICY_PAYOUT_YUAN -> null;
        };
        return new Progress(target, actual, standing(target, actual));
    }

    private Standing standing(Target target, Long actual) {
        if (actual == null || target.comparison() == Comparison.TEXT) {
            return Standing.NO_DATA;
        }
        if (actual >= target.value()) {
            return Standing.MET;
        }
        return BusinessDay.today(clock).getYear() > target.year() ? Standing.NOT_MET : Standing.IN_PROGRESS;
    }

    /**
     * A target with the ledger's actual.
     *
     * @param target   the target
     * @param actual   what the ledger counts; null where it has no data
     * @param standing where it stands
     */
    public record Progress(Target target, Long actual, Standing standing) {
    }

    /** Where a target stands. */
    public enum Standing {
        /** The actual reaches the target. */
        MET,
        /** Not yet reached, and its year has not ended. */
        IN_PROGRESS,
        /** Not reached, and its year has ended. */
        NOT_MET,
        /** The ledger has no data to measure it with. */
        NO_DATA
    }
}
