package cn.gov.lvliang.ledger.command.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.EscalationReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The campaign's configurable figures; see docs/fundraising.md for the reasoning behind the defaults.
 *
 * @param clueVerification how long a unit has to verify a risk clue
 * @param escalation       from what scale a case counts as major and goes to the city lead department
 */
@ConfigurationProperties("ledger.fundraising")
record FundraisingSettings(ClueVerification clueVerification, Escalation escalation) {

    FundraisingSettings {
        clueVerification = clueVerification != null ? clueVerification : new ClueVerification(15);
        escalation = escalation != null ? escalation : new Escalation(new BigDecimal("5000000"), 500);
    }

    /**
     * @param workingDays working days from the assignment to the last day on which the verification is on time
     */
    record ClueVerification(int workingDays) {

        ClueVerification {
            if (workingDays < 1) {
                throw new IllegalArgumentException("ledger.fundraising.clue-verification.working-days must be at "
                        + "least 1, was " + workingDays);
            }
        }
    }

    /**
     * A case whose estimated amount or participants reach either figure is major (重大) and is determined by the city.
     *
     * @param amountYuan   the amount threshold in yuan, at most two decimals
     * @param participants the participant threshold
     */
    record Escalation(BigDecimal amountYuan, int participants) {

        Escalation {
            if (amountYuan == null || amountYuan.signum() <= 0 || participants < 1) {
                throw new IllegalArgumentException("ledger.fundraising.escalation needs a positive amount-yuan and "
                        + "participants");
            }
            Yuan.toFen(amountYuan, "ledger.fundraising.escalation.amount-yuan");
        }

        long amountFen() {
            return Yuan.toFen(amountYuan, "ledger.fundraising.escalation.amount-yuan");
        }

        /** The threshold reasons a case of this estimated scale meets; "reach" includes the figure itself (以上). */
        List<EscalationReason> reasonsFor(Long amountFen, Integer participantCount) {
            List<EscalationReason> reasons = new ArrayList<>();
            if (amountFen != null && amountFen >= amountFen()) {
                reasons.add(EscalationReason.AMOUNT_OVER_THRESHOLD);
            }
            if (participantCount != null && participantCount >= participants) {
                reasons.add(EscalationReason.PARTICIPANTS_OVER_THRESHOLD);
            }
            return List.copyOf(reasons);
        }
    }
}
