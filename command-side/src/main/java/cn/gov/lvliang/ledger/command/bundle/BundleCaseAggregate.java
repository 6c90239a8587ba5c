package cn.gov.lvliang.ledger.command.bundle;

import org.springframework.stereotype.Component;

/**
 * The bundle-case aggregate as seen from outside its package, for the one tool that runs it outside the application's
 * command bus: the scale data generator ({@code generator/}), which decides its generated commands in this very
 * aggregate so that the events it stores are the ones the command side would store, and which plans its steps against
 * the same promised time limits. The aggregate itself stays package-private.
 */
@Component
public class BundleCaseAggregate {

    private final TimeLimits limits;

    BundleCaseAggregate(TimeLimits limits) {
        this.limits = limits;
    }

    /** The aggregate's class, for Axon's model inspection. */
    public Class<?> type() {
        return BundleCase.class;
    }

    /** The promised limit of a case of this bundle from acceptance to conclusion, in working days. */
    public int caseLimit(String bundleCode) {
        return limits.caseLimit(bundleCode);
    }

    /** The limit of one item of this bundle from dispatch to decision, in working days. */
    public int itemLimit(String bundleCode) {
        return limits.itemLimit(bundleCode);
    }
}
