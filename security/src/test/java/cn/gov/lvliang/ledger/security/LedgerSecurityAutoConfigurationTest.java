package cn.gov.lvliang.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class LedgerSecurityAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LedgerSecurityAutoConfiguration.class))
            .withPropertyValues(
                    "ledger.security.demo-accounts[0].username=auditor",
                    "ledger.security.demo-accounts[0].password={noop}secret",
                    "ledger.security.demo-accounts[0].role=AUDITOR");

    @Test
    void theProductionProfile_refusesToStartWithDemoAccountsEnabled() {
        runner.withPropertyValues("ledger.security.demo-accounts-enabled=true", "spring.profiles.active=production")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("refusing to start"));
    }

    @Test
    void theProductionProfile_startsWithoutDemoAccounts_andSignsNobodyInByPassword() {
        runner.withPropertyValues("spring.profiles.active=production").run(context -> {
            assertThat(context).hasNotFailed();
            UserDetailsService users = context.getBean(UserDetailsService.class);
            assertThatThrownBy(() -> users.loadUserByUsername("auditor"))
                    .isInstanceOf(UsernameNotFoundException.class);
        });
    }

    @Test
    void theDemo_signsInItsAccountsWithTheirRoleAndScope() {
        runner.withPropertyValues("ledger.security.demo-accounts-enabled=true").run(context -> {
            var user = context.getBean(UserDetailsService.class).loadUserByUsername("auditor");
            assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AUDITOR");
            assertThat(((DemoAccounts.DemoUser) user).ledgerUser().cityWide()).isTrue();
        });
    }
}
