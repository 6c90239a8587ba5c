package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.verifier.CaseVerification;
import cn.gov.lvliang.ledger.verifier.Checkpoint;
import cn.gov.lvliang.ledger.verifier.Finding;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What a case's proof says, in the reader's language ({@code proof.*} in messages.properties): the badge on the case
 * page and the verdict on the printable audit trail.
 *
 * @param status VERIFIED, NOT_YET_CHECKPOINTED or FAILED
 * @param label  the status in words
 * @param detail against which checkpoint it verified, how many events are newer than it, or the first broken link:
 *               the event's sequence, its journal position and the kind of tampering
 */
public record ProofBadge(String status, String label, String detail) {

    static ProofBadge of(CaseVerification verification, MessageSource messages, Locale locale) {
        Checkpoint checkpoint = verification.checkpoint();
        String detail = switch (verification.status()) {
            case VERIFIED -> messages.getMessage("proof.detail.verified", new Object[] {
                    number(verification.eventsVerified()), number(checkpoint.id()), time(checkpoint)}, locale);
            case NOT_YET_CHECKPOINTED -> checkpoint == null
                    ? messages.getMessage("proof.detail.noCheckpoint",
                    new Object[] {number(verification.uncoveredEvents())}, locale)
                    : messages.getMessage("proof.detail.uncovered", new Object[] {
                    number(verification.uncoveredEvents()), number(checkpoint.id()), time(checkpoint),
                    number(verification.eventsVerified())}, locale);
            case FAILED -> brokenLink(verification.firstBrokenLink(), checkpoint, messages, locale);
        };
        String status = verification.status().name();
        return new ProofBadge(status, messages.getMessage("proof.status." + status, null, locale), detail);
    }

    private static String brokenLink(Finding link, Checkpoint checkpoint, MessageSource messages, Locale locale) {
        String kind = messages.getMessage("proof.kind." + link.kind().name(), null, link.kind().name(), locale);
        if (link.sequenceNumber() != null) {
            return messages.getMessage("proof.detail.failedEvent", new Object[] {number(link.sequenceNumber()),
                    link.position() == null ? "—" : number(link.position()), kind}, locale);
        }
        return messages.getMessage("proof.detail.failedCheckpoint", new Object[] {number(checkpoint.id()), kind},
                locale);
    }

    /** The CSS class of the badge: {@code verified}, {@code uncovered} or {@code failed}. */
    public String cssClass() {
        return switch (status) {
            case "VERIFIED" -> "verified";
            case "FAILED" -> "failed";
            default -> "uncovered";
        };
    }

    /** A number as it is, not grouped as MessageFormat would group it (an id of 1234 is not "1,234"). */
    private static String number(long value) {
        return Long.toString(value);
    }

    private static String time(Checkpoint checkpoint) {
        return AuditTrailHtml.beijing(Instant.parse(checkpoint.time()));
    }
}
