package cn.gov.lvliang.ledger.query.rebuild;

import java.util.List;

/**
 * A projection (processing group) as the admin sees it.
 *
 * @param name          the processing group
 * @param rebuildable   whether every bean of the group names its tables, so that the group can be rebuilt
 * @param tables        the tables it writes
 * @param processor     its live processor on this node
 * @param headIndex     the event store's head global index
 * @param lastRebuild   its latest rebuild or verification, on any node
 */
public record ProjectionStatus(
        String name,
        boolean rebuildable,
        List<String> tables,
        ProcessorView processor,
        Long headIndex,
        RebuildView lastRebuild) {

    /**
     * A live processor on this node.
     *
     * @param running         whether it runs here
     * @param claimedSegments segments this node processes
     * @param position        the lowest global index its claimed segments have reached
     * @param behind          events between that position and the head
     * @param caughtUp        whether every claimed segment has reached the head; from positions, not Axon's flags
     * @param replaying       whether a segment is replaying below the position it was reset at. Axon's own
     *                        {@code isReplaying()} stays true after a replay's last event until another event
     *                        arrives, so this compares positions instead
     * @param errorState      whether a segment is failing (and retrying)
     */
    public record ProcessorView(
            boolean running,
            int claimedSegments,
            Long position,
            Long behind,
            boolean caughtUp,
            boolean replaying,
            boolean errorState) {
    }

    String line() {
        StringBuilder line = new StringBuilder(name);
        if (processor == null) {
            line.append(" no processor on this node");
        } else {
            line.append(processor.running() ? " running" : " stopped")
                    .append(", position ").append(processor.position() == null ? "-" : processor.position())
                    .append(" of ").append(headIndex == null ? "-" : headIndex)
                    .append(processor.caughtUp() ? ", caught up" : "")
                    .append(processor.replaying() ? ", replaying" : "")
                    .append(processor.errorState() ? ", FAILING" : "");
        }
        line.append(rebuildable ? "" : ", not rebuildable");
        if (lastRebuild != null) {
            line.append(" | last: ").append(lastRebuild.line());
        }
        return line.toString();
    }
}
