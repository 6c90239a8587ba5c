package cn.gov.lvliang.ledger.security;

import java.util.Objects;

/**
 * The authenticated user as the ledger sees them, whichever way they signed in.
 *
 * @param userId   the stable user id (the token's subject or the demo account's name)
 * @param name     the name to show
 * @param role     what they do
 * @param unit     the code of the unit they act for, or {@code null} for roles that act for none
 * @param division the county they are limited to (GB/T 2260 code), or {@code null} for the whole city
 */
public record LedgerUser(String userId, String name, LedgerRole role, String unit, String division) {

    public LedgerUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        name = name == null || name.isBlank() ? userId : name;
        unit = unit == null || unit.isBlank() ? null : unit;
        division = division == null || division.isBlank() ? null : division;
    }

    /** Whether the user works for the whole city rather than one county. */
    public boolean cityWide() {
        return division == null;
    }

    /** Whether the user may see or act on what belongs to {@code divisionCode}. */
    public boolean covers(String divisionCode) {
        return cityWide() || division.equals(divisionCode);
    }
}
