package cn.gov.lvliang.ledger.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user of the current request. Both ways of signing in (demo accounts and OIDC tokens) put a {@link LedgerUser}
 * into the authentication, so code never needs to know which one was used.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<LedgerUser> get() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<LedgerUser> from(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof LedgerUser user) {
            return Optional.of(user);
        }
        if (authentication.getPrincipal() instanceof DemoAccounts.DemoUser demo) {
            return Optional.of(demo.ledgerUser());
        }
        return Optional.empty();
    }

    /** The current user; the request was authenticated, so one exists. */
    public static LedgerUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No authenticated ledger user"));
    }
}
