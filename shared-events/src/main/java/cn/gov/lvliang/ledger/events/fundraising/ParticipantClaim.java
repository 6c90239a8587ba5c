package cn.gov.lvliang.ledger.events.fundraising;

/**
 * One fundraising participant (集资参与人) as registered, with the claim the registration confirmed. The participant is
 * known only by a register reference, never by name or identity number.
 *
 * @param participantReference the register number the court or lead department gave the participant
 * @param claimFen the confirmed claim in fen (分)
 */
public record ParticipantClaim(
        String participantReference,
        long claimFen) {
}
