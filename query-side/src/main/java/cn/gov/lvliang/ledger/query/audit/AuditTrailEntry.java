package cn.gov.lvliang.ledger.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One event of a case's audit trail. Every field is shown, {@code null} where the event does not carry it, so that
 * an auditor sees what is missing as well as what is there.
 *
 * <p>Axon's own metadata names are kept in {@code metadata}; two of them are shown under the names auditors use:
 * Axon's {@code traceId} is the id of the message that started the whole exchange (a correlation id), its
 * {@code correlationId} that of the message that directly caused this event (a causation id).
 *
 * @param sequence      the event's sequence number within the case, from 0
 * @param globalIndex   its position in the whole event log
 * @param eventId       the event's unique identifier
 * @param aggregateType the kind of case, e.g. {@code BundleCase}
 * @param eventType     the event type's simple name, e.g. {@code ItemApprovedEvent}
 * @param eventLabel    what the event type means, in Chinese (the type's name where none is known)
 * @param revision      the payload revision it was stored with
 * @param businessTime  when the fact happened, from the payload's {@code businessTime}
 * @param recordedAt    when the event store recorded it
 * @param actor         who acted, from the metadata the access control writes
 * @param actingUnit    the unit that acted, from the payload's {@code actingUnit}
 * @param channel       how the application arrived, from the payload's {@code channel}
 * @param correlationId the id of the message that started the exchange (Axon's {@code traceId})
 * @param causationId   the id of the message that caused this event (Axon's {@code correlationId})
 * @param requestId     the client's request id, from the metadata
 * @param payload       the payload exactly as stored
 * @param metadata      the metadata exactly as stored
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditTrailEntry(
        long sequence,
        long globalIndex,
        String eventId,
        String aggregateType,
        String eventType,
        String eventLabel,
        String revision,
        Instant businessTime,
        Instant recordedAt,
        Actor actor,
        String actingUnit,
        String channel,
        String correlationId,
        String causationId,
        String requestId,
        @JsonRawValue String payload,
        @JsonRawValue String metadata) {

    /**
     * Who acted, from the event's metadata ({@code actorUser}, {@code actorRole}, {@code actorUnit},
     * {@code actorDivision}); all {@code null} for events recorded before the access control wrote them.
     *
     * @param user     the user's id
     * @param role     the role the user acted in
     * @param unit     the unit the user belongs to
     * @param division the county-level division (GB/T 2260 code) of that unit
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Actor(String user, String role, String unit, String division) {
    }
}
