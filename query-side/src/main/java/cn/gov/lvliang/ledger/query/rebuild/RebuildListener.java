package cn.gov.lvliang.ledger.query.rebuild;

/**
 * Told, on the rebuild's own thread, when a rebuild enters a phase. A listener that takes its time holds the rebuild
 * there, which is how the tests query the live model at each step.
 */
interface RebuildListener {

    void phaseStarted(RebuildView rebuild);
}
