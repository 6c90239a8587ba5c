package cn.gov.lvliang.ledger.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Sign-in for both sides of the ledger. Demo accounts serve the zero-install demo; in production users come with
 * OIDC access tokens from the configured issuer, and the application refuses to start if demo accounts are enabled
 * under the {@code production} profile.
 */
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties(SecuritySettings.class)
@EnableMethodSecurity
public class LedgerSecurityAutoConfiguration {

    static final String PRODUCTION_PROFILE = "production";

    @Bean
    UserDetailsService demoAccounts(SecuritySettings settings, Environment environment) {
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains(PRODUCTION_PROFILE);
        if (production && settings.demoAccountsEnabled()) {
            throw new IllegalStateException("Demo accounts are enabled (ledger.security.demo-accounts-enabled) under "
                    + "the production profile: refusing to start. Sign-in in production is through OIDC tokens.");
        }
        // Without accounts Spring Boot would generate a user with a printed password; an empty list signs in nobody.
        return new DemoAccounts(settings.demoAccountsEnabled() ? settings.demoAccounts() : List.of());
    }

    @Bean
    LedgerHttpSecurity ledgerHttpSecurity(SecuritySettings settings, ObjectProvider<JwtDecoder> jwtDecoder) {
        return new LedgerHttpSecurity(settings, jwtDecoder);
    }

    /** Spring Security's firewall would otherwise answer its refusals through the container's error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return ProblemResponses.rejected();
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
