package cn.gov.lvliang.ledger.query.infra;

import cn.gov.lvliang.ledger.security.CorrelationIdFilter;
import cn.gov.lvliang.ledger.security.CurrentUser;
import cn.gov.lvliang.ledger.security.LedgerRole;
import cn.gov.lvliang.ledger.security.LedgerUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every read an auditor makes of audit trails, as-of states, diffs and exports in {@code read_access_log},
 * which the application only ever appends to (and which PostgreSQL refuses to change).
 */
@Component
public class ReadAccessLog extends OncePerRequestFilter {

    private static final Pattern LOGGED = Pattern.compile(
            "^/(?:api/cases/[^/]+/(?:audit-trail.*|state|diff|history)|export/.*|api/ledger/.*)$");

    private final JdbcClient jdbc;
    private final Clock clock;

    ReadAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LedgerUser> auditor = CurrentUser.get().filter(user -> user.role() == LedgerRole.AUDITOR);
        try {
            chain.doFilter(request, response);
        } finally {
            if (auditor.isPresent() && LOGGED.matcher(request.getServletPath()).matches()) {
                record(auditor.get(), request, response.getStatus());
            }
        }
    }

    private void record(LedgerUser auditor, HttpServletRequest request, int status) {
        jdbc.sql("""
                        INSERT INTO read_access_log (read_at, user_id, user_role, user_division, method, path, query,
                            status, correlation_id, client_address)
                        VALUES (:readAt, :user, :role, :division, :method, :path, :query, :status, :correlationId,
                            :clientAddress)""")
                .param("readAt", clock.instant().atOffset(ZoneOffset.UTC))
                .param("user", auditor.userId())
                .param("role", auditor.role().name())
                .param("division", auditor.division())
                .param("method", request.getMethod())
                .param("path", request.getServletPath())
                .param("query", request.getQueryString())
                .param("status", status)
                .param("correlationId", CorrelationIdFilter.currentId().orElse(null))
                .param("clientAddress", request.getRemoteAddr())
                .update();
    }
}
