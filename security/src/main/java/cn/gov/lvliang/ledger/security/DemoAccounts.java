package cn.gov.lvliang.ledger.security;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The built-in accounts of the demo: one per role and a few county-scoped ones, listed in the README. Production
 * refuses to start with them enabled.
 */
public final class DemoAccounts implements UserDetailsService {

    private final Map<String, DemoUser> users;

    public DemoAccounts(List<SecuritySettings.DemoAccount> accounts) {
        this.users = accounts.stream()
                .map(account -> new DemoUser(account.password(), new LedgerUser(account.username(), account.name(),
                        account.role(), account.unit(), account.division())))
                .collect(Collectors.toUnmodifiableMap(demo -> demo.getUsername(), Function.identity()));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        DemoUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException(username);
        }
        return new DemoUser(user.getPassword(), user.ledgerUser());
    }

    /** A demo account: Spring Security's user, carrying the ledger's view of them. */
    public static final class DemoUser extends User {

        private final LedgerUser ledgerUser;

        DemoUser(String password, LedgerUser ledgerUser) {
            super(ledgerUser.userId(), password, List.of(new SimpleGrantedAuthority(ledgerUser.role().authority())));
            this.ledgerUser = ledgerUser;
        }

        public LedgerUser ledgerUser() {
            return ledgerUser;
        }
    }
}
