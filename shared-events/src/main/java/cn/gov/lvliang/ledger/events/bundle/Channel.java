package cn.gov.lvliang.ledger.events.bundle;

/**
 * How an application reached the government: the channels the one-thing plan names.
 */
public enum Channel {
    /** At a window of a service hall. */
    WINDOW,
    /** The city's online government-service platform (joined to the provincial platform). */
    ONLINE_PLATFORM,
    /** Showing the Lvliang code (吕梁码) at booking, a window or a kiosk. */
    LVLIANG_CODE,
    /** A 7×24 self-service terminal. */
    SELF_SERVICE_TERMINAL,
    /** The 12345 government service hotline. */
    HOTLINE_12345
}
