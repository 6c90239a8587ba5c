package cn.gov.lvliang.ledger.events;

/**
 * The metadata keys under which every stored event records who really acted: the authenticated user, never a name
 * a client typed. The command side sets them from the signed-in user and copies them into each event's metadata;
 * audit trails read them back.
 */
public final class ActorMetadata {

    /** The user id (a token's subject or a demo account's name); {@code system:...} for the ledger's own steps. */
    public static final String USER = "actorUser";
    /** The user's role, e.g. {@code WINDOW_CLERK}. */
    public static final String ROLE = "actorRole";
    /** The code of the unit the user acts for, if any. */
    public static final String UNIT = "actorUnit";
    /** The county the user is limited to (GB/T 2260 code), absent for city-wide users. */
    public static final String DIVISION = "actorDivision";
    /** The correlation id the server gave the HTTP request that carried the command. */
    public static final String HTTP_CORRELATION_ID = "httpCorrelationId";
    /** The address the HTTP request came from, where known. */
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** The client's request id (idempotency key). */
    public static final String REQUEST_ID = "requestId";

    private ActorMetadata() {
    }
}
