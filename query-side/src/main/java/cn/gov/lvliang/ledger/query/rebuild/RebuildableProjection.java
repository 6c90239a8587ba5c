package cn.gov.lvliang.ledger.query.rebuild;

import java.util.List;

/**
 * A projection that can be rebuilt from the first event beside its live model: it names the tables it writes and
 * makes a fresh instance of itself writing into other tables. The rebuild feeds that instance the whole event stream,
 * compares what it built with the live model and switches readers over (docs/audit-and-rebuild.md).
 *
 * <p>Every bean of a processing group must implement this for the group to be rebuildable, since the switch replaces
 * the tables of the whole group at once.
 */
public interface RebuildableProjection {

    /** The tables this projection writes, under their live names; children before the tables they belong to. */
    List<String> tables();

    /**
     * A new instance of this projection writing into the given tables. Only its event handlers are called; its query
     * handlers are not registered anywhere.
     */
    Object writingTo(ProjectionTables tables);
}
