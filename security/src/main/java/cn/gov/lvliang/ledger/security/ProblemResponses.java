package cn.gov.lvliang.ledger.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 400, 401 and 403 from the security filters as RFC 7807 {@code application/problem+json}, like every other error of the ledger's APIs.
 */
public final class ProblemResponses {

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
