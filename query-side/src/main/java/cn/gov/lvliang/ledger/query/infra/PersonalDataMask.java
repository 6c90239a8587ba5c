package cn.gov.lvliang.ledger.query.infra;

import cn.gov.lvliang.ledger.events.personaldata.PersonalData;

/**
 * Masks personal identifiers before they reach a read model, so that lists, dashboards and exports never show an
 * identity number or phone number in full. An erased value ({@link PersonalData#ERASED}) stays the erased marker.
 */
public final class PersonalDataMask {

    private PersonalDataMask() {
    }

    /** Keeps the first four and last four characters of an identity number or credit code: 1411**********1234. */
    public static String identifier(String identifier) {
        return keepEnds(identifier, 4, 4);
    }

    /** Keeps the first three and last four digits of a phone number: 138****0000. */
    public static String phone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null || PersonalData.ERASED.equals(value)) {
            return value;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
