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
 * Records every read an auditor makes of audit trails, as-of states (by the API or on a case's page), diffs and
 * exports, and every read of unmasked personal data by anyone, in {@code read_access_log}, which the application only
 * ever appends to (and which PostgreSQL refuses to change).
 */
@Component
public class ReadAccessLog extends OncePerRequestFilter {

    private static final Pattern LOGGED = Pattern.compile(
            "^/(?:api/cases/[^/]+/(?:audit-trail.*|state|diff|history)|cases/[^/]+/as-of|export/.*|api/ledger/.*)$");
    /** Reads of unmasked personal data, logged whoever reads (PIPL: who saw whose data, and when). */
    private static final Pattern PERSONAL_DATA = Pattern.compile(
            "^/api/(?:bundle-cases/[^/]+/personal-data|fundraising/clues/[^/]+/reporter)$");

    private final JdbcClient jdbc;
    private final Clock clock;

    ReadAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LedgerUser> user = CurrentUser.get();
        try {
            chain.doFilter(request, response);
        } finally {
            String path = request.getServletPath();
            boolean logged = PERSONAL_DATA.matcher(path).matches()
                    || user.filter(reader -> reader.role() == LedgerRole.AUDITOR).isPresent()
                    && LOGGED.matcher(path).matches();
            if (user.isPresent() && logged) {
                record(user.get(), request, response.getStatus());
            }
        }
    }

    private void record(LedgerUser reader, HttpServletRequest request, int status) {
        jdbc.sql("""
                        INSERT INTO read_access_log (read_at, user_id, user_role, user_division, method, path, query,
                            status, correlation_id, client_address)
                        VALUES (:readAt, :user, :role, :division, :method, :path, :query, :status, :correlationId,
                            :clientAddress)""")
                .param("readAt", clock.instant().atOffset(ZoneOffset.UTC))
                .param("user", reader.userId())
                .param("role", reader.role().name())
                .param("division", reader.division())
                .param("method", request.getMethod())
                .param("path", request.getServletPath())
                .param("query", request.getQueryString())
                .param("status", status)
                .param("correlationId", CorrelationIdFilter.currentId().orElse(null))
                .param("clientAddress", request.getRemoteAddr())
                .update();
    }
}
