package cn.gov.lvliang.ledger.query.fundraising;

import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import java.util.Locale;

/** The direction of a list's sort, from the {@code direction} parameter. */
public enum SortDirection {
    ASC, DESC;

    static SortDirection ofParameter(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "asc" -> ASC;
            case "desc" -> DESC;
            default -> throw new InvalidParameterException("direction", "has an invalid value '" + value
                    + "'; expected asc or desc");
        };
    }

    String sql() {
        return this == ASC ? "ASC" : "DESC";
    }
}
