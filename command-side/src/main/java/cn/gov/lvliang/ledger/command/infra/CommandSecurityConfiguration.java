package cn.gov.lvliang.ledger.command.infra;

import static cn.gov.lvliang.ledger.security.LedgerRole.ADMIN;
import static cn.gov.lvliang.ledger.security.LedgerRole.AUDITOR;
import static cn.gov.lvliang.ledger.security.LedgerRole.CAMPAIGN_OFFICER;
import static cn.gov.lvliang.ledger.security.LedgerRole.IMPORTER;
import static cn.gov.lvliang.ledger.security.LedgerRole.INSPECTOR;
import static cn.gov.lvliang.ledger.security.LedgerRole.SUPERVISOR;
import static cn.gov.lvliang.ledger.security.LedgerRole.UNIT_OFFICER;
import static cn.gov.lvliang.ledger.security.LedgerRole.WINDOW_CLERK;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import cn.gov.lvliang.ledger.security.LedgerHttpSecurity;
import cn.gov.lvliang.ledger.security.LedgerRole;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may send which command. The rules here are the first line; the aggregates then check the unit (only the lead
 * unit accepts, only the responsible unit decides) and the county of each case against the signed-in user.
 * Inspectors issue and adjust score cards and decide appeals; the assessed county or unit appeals (the card checks
 * that the user speaks for it). Auditors write nothing here.
 */
@Configuration(proxyBeanMethods = false)
class CommandSecurityConfiguration {

    @Bean
    SecurityFilterChain commandApi(HttpSecurity http, LedgerHttpSecurity ledger) throws Exception {
        ledger.api(http).authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**",
                        "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                .requestMatchers(POST, "/api/bundle-cases/*/items/*/approval", "/api/bundle-cases/*/items/*/rejection")
                .hasAnyRole(roles(UNIT_OFFICER, IMPORTER))
                .requestMatchers(POST, "/api/bundle-cases/*/complaints/*/follow-ups",
                        "/api/bundle-cases/*/complaints/*/resolution")
                .hasAnyRole(roles(WINDOW_CLERK, UNIT_OFFICER, IMPORTER))
                .requestMatchers(POST, "/api/bundle-cases", "/api/bundle-cases/**")
                .hasAnyRole(roles(WINDOW_CLERK, IMPORTER))
                .requestMatchers(POST, "/api/fundraising/**").hasAnyRole(roles(CAMPAIGN_OFFICER, UNIT_OFFICER, IMPORTER))
                // Erasure executes a deletion decision of the personal-information protection officer for the whole
                // city: the administrator's, not a clerk's (who sees one county's cases) nor an auditor's (who writes
                // nothing). docs/personal-data.md
                .requestMatchers(POST, "/api/personal-data/**").hasRole(ADMIN.name())
                .requestMatchers(POST, "/api/scoring/score-cards/*/appeals")
                .hasAnyRole(roles(SUPERVISOR, CAMPAIGN_OFFICER, WINDOW_CLERK, UNIT_OFFICER))
                .requestMatchers(POST, "/api/scoring/score-cards", "/api/scoring/score-cards/**")
                .hasRole(INSPECTOR.name())
                .requestMatchers(POST, "/api/ledger/verification").hasAnyRole(roles(AUDITOR, ADMIN))
                .requestMatchers(GET, "/api/ledger/**").hasAnyRole(roles(AUDITOR, ADMIN))
                .requestMatchers("/api/ledger/**").hasRole(ADMIN.name())
                .anyRequest().denyAll());
        return http.build();
    }

    private static String[] roles(LedgerRole... roles) {
        return Arrays.stream(roles).map(LedgerRole::name).toArray(String[]::new);
    }
}
