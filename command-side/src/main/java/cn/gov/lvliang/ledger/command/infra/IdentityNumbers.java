package cn.gov.lvliang.ledger.command.infra;

import java.util.regex.Pattern;

/**
 * Keeps identity numbers out of the free text and references of the ledger's events. Reporters, participants and
 * petitioners appear only as references, erasures only by the decision's number; a text that is in fact a resident
 * identity number is refused before it reaches an event, where no key could ever shred it.
 */
public final class IdentityNumbers {

    /** An 18-character resident identity number: region, a plausible birth date, sequence and check character. */
    private static final Pattern IDENTITY_NUMBER = Pattern.compile(
            "(?<![0-9])[1-9][0-9]{5}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])");

    private IdentityNumbers() {
    }

    /** Refuses a text that contains a resident identity number; the message names the field, so it becomes a 400. */
    public static void requireNone(String text, String field) {
        if (text != null && IDENTITY_NUMBER.matcher(text).find()) {
            throw new IllegalArgumentException(field + ": must not contain a resident identity number; use the "
                    + "reference the channel or register issued");
        }
    }
}
