package cn.gov.lvliang.ledger.query.infra;

import static cn.gov.lvliang.ledger.security.LedgerRole.ADMIN;
import static cn.gov.lvliang.ledger.security.LedgerRole.AUDITOR;
import static cn.gov.lvliang.ledger.security.LedgerRole.CAMPAIGN_OFFICER;
import static cn.gov.lvliang.ledger.security.LedgerRole.INSPECTOR;
import static cn.gov.lvliang.ledger.security.LedgerRole.SUPERVISOR;
import static cn.gov.lvliang.ledger.security.LedgerRole.UNIT_OFFICER;
import static cn.gov.lvliang.ledger.security.LedgerRole.WINDOW_CLERK;

import cn.gov.lvliang.ledger.security.LedgerHttpSecurity;
import cn.gov.lvliang.ledger.security.LedgerRole;
import java.util.Arrays;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may read what on the query side. Every signed-in role reads cases and dashboards, limited to its own county
 * when it has one ({@link CountyScopeFilter}); audit trails, as-of states and diffs are for auditors, supervisors
 * and administrators, and every read of them by an auditor is logged; unmasked personal data is for the roles whose
 * work needs it, and every read of it is logged; rebuilding projections is the administrator's.
 */
@Configuration(proxyBeanMethods = false)
class QuerySecurityConfiguration {

    @Bean
    SecurityFilterChain queryApiAndPages(HttpSecurity http, LedgerHttpSecurity ledger, CountyScopeFilter countyScope,
                                         ReadAccessLog readAccessLog) throws Exception {
        ledger.apiAndPages(http).authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**",
                        "/swagger-ui/**", "/swagger-ui.html", "/error", "/login", "/webjars/**", "/css/**",
                        "/js/**", "/favicon.ico").permitAll()
                .requestMatchers("/api/admin/**").hasRole(ADMIN.name())
                // Unmasked personal data only for those whose work needs it (docs/personal-data.md); the controllers
                // then check the unit taking part in the case, or the reporter's anonymity.
                .requestMatchers("/api/bundle-cases/*/personal-data").hasAnyRole(roles(WINDOW_CLERK, UNIT_OFFICER,
                        AUDITOR))
                .requestMatchers("/api/fundraising/clues/*/reporter").hasAnyRole(roles(CAMPAIGN_OFFICER, AUDITOR))
                .requestMatchers("/api/cases/*/audit-trail", "/api/cases/*/audit-trail.jsonl",
                        "/api/cases/*/audit-trail/**", "/api/cases/*/state", "/api/cases/*/diff",
                        "/api/cases/*/history", "/cases/*/as-of")
                .hasAnyRole(roles(AUDITOR, SUPERVISOR, INSPECTOR, ADMIN))
                .anyRequest().authenticated())
                .addFilterAfter(countyScope, AuthorizationFilter.class)
                .addFilterAfter(readAccessLog, CountyScopeFilter.class);
        return http.build();
    }

    /** The two filters run inside the security chain, after sign-in; not a second time as plain servlet filters. */
    @Bean
    FilterRegistrationBean<CountyScopeFilter> countyScopeOnlyInTheSecurityChain(CountyScopeFilter filter) {
        FilterRegistrationBean<CountyScopeFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ReadAccessLog> readAccessLogOnlyInTheSecurityChain(ReadAccessLog filter) {
        FilterRegistrationBean<ReadAccessLog> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    private static String[] roles(LedgerRole... roles) {
        return Arrays.stream(roles).map(LedgerRole::name).toArray(String[]::new);
    }
}
