package cn.gov.lvliang.ledger.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How users sign in.
 *
 * @param demoAccountsEnabled whether the built-in demo accounts may sign in (never in production)
 * @param demoAccounts        the demo accounts
 * @param claims              the names of the OIDC token claims that carry the ledger's role and scope
 */
@ConfigurationProperties("ledger.security")
public record SecuritySettings(boolean demoAccountsEnabled, List<DemoAccount> demoAccounts, Claims claims) {

    public SecuritySettings {
        demoAccounts = demoAccounts == null ? List.of() : List.copyOf(demoAccounts);
        claims = claims != null ? claims : new Claims(null, null, null, null);
    }

    /**
     * @param username the sign-in name
     * @param password the password, encoded for Spring Security's delegating encoder, e.g. {@code {bcrypt}...}
     * @param name     the name to show
     * @param role     the role
     * @param unit     the unit's code, if the role acts for one
     * @param division the county, or none for the city
     */
    public record DemoAccount(String username, String password, String name, LedgerRole role, String unit,
                              String division) {
    }

    /**
     * @param role     the claim with the ledger role, default {@code ledger_role}
     * @param unit     the claim with the unit's code, default {@code ledger_unit}
     * @param division the claim with the county, default {@code ledger_division}
     * @param name     the claim with the name to show, default {@code name}
     */
    public record Claims(String role, String unit, String division, String name) {

        public Claims {
            role = role != null ? role : "ledger_role";
            unit = unit != null ? unit : "ledger_unit";
            division = division != null ? division : "ledger_division";
            name = name != null ? name : "name";
        }
    }
}
