package cn.gov.lvliang.ledger.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 400, 401 and 403 from the security filters as RFC 7807 {@code application/problem+json}, like every other error of
 * the ledger's APIs; and the 503 both sides answer while their database cannot be reached.
 */
public final class ProblemResponses {

    /** What a client waits before trying again while the database is unreachable: a restart takes seconds. */
    static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);
    /** What Hikari says when asked to use a connection it has closed because it broke. */
    private static final String CLOSED_BY_POOL = "Connection is closed";
    /** PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private ProblemResponses() {
    }

    /** Not signed in: 401, with the schemes the API accepts. */
    public static AuthenticationEntryPoint unauthenticated(boolean basic, boolean bearer) {
        return (request, response, exception) -> {
            if (bearer) {
                response.addHeader("WWW-Authenticate", "Bearer");
            }
            if (basic) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"lvliang-ledger\"");
            }
            write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                    "This request needs a signed-in user");
        };
    }

    /** Signed in, but outside one's role or scope: 403. */
    public static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN, "forbidden",
                "Not allowed", detail(exception));
    }

    /**
     * A request the firewall refuses before any application code sees it (a semicolon, an encoded percent or dot
     * segments in the path, a header with control characters): 400.
     */
    public static RequestRejectedHandler rejected() {
        return (request, response, exception) -> write(response, HttpStatus.BAD_REQUEST, "malformed-request",
                "Malformed request", "The request's path or headers contain characters that are not allowed");
    }

    /**
     * Whether a failure comes from the database being unreachable: down, restarting, refusing or cutting connections,
     * or the connection pool waiting in vain for one. That is the service's passing fault, not the request's, and is
     * answered with {@link #databaseUnavailable}. Read from the SQL exceptions in the cause chain, whatever Spring or
     * Axon wrapped them in: a connection exception, SQLSTATE class 08 (connection exception) or 57P01-57P03 (the
     * server shutting down, crashed, or not accepting connections yet), or the pool's refusal to use a connection it
     * has already found broken (Hikari's "Connection is closed", which carries no SQLSTATE).
     *
     * <p>It matters beyond the status code: Spring MVC takes an unhandled exception whose causes include an
     * {@code EOFException} or "connection reset" for a client that went away, and then answers 200 with an empty
     * body. A database connection cut under a command has exactly those causes, so unmapped it looks like success.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException closed && CLOSED_BY_POOL.equals(closed.getMessage())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * 503 with {@code Retry-After}: the database cannot be reached. The detail tells the client what to do, such as
     * sending a command again with the same requestId.
     */
    public static ResponseEntity<ProblemDetail> databaseUnavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create("urn:lvliang-ledger:problem:database-unavailable"));
        problem.setTitle("Database unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String detail(AccessDeniedException exception) {
        return "Your role or scope does not allow this request";
    }

    static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"urn:lvliang-ledger:problem:" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
