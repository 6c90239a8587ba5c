package cn.gov.lvliang.ledger.query.infra;

import cn.gov.lvliang.ledger.security.ProblemResponses;
import java.net.URI;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.ResolvableType;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where the query side's exceptions become RFC 7807 {@code application/problem+json} answers: 400
 * with the parameters at fault in {@code errors: [{field, message}]}, 403 for a record the user may not see, 404 for
 * what does not exist (yet), 503 while the database cannot be reached. Spring's
 * other exceptions (unknown paths, wrong methods) are handled by the base class.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final URI NOT_FOUND = URI.create("urn:lvliang-ledger:problem:not-found");
    static final URI INVALID_REQUEST = URI.create("urn:lvliang-ledger:problem:invalid-request");
    static final URI FORBIDDEN = URI.create("urn:lvliang-ledger:problem:forbidden");

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> handleNotFound(NotFoundException ex) {
        return respond(problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", ex.getMessage()));
    }

    /** A refusal the rules of one record make (e.g. an anonymous reporter), after the role was let in. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex) {
        return respond(problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", ex.getMessage()));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> handleInvalidParameter(InvalidParameterException ex) {
        return respond(invalid(List.of(new FieldProblem(ex.parameter(), ex.getMessage()))));
    }

    /**
     * The database cannot be reached (down, restarting, or no connection free within the pool's timeout): 503 with
     * Retry-After, as for pages too. Any other failure of these kinds stays a 500.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, SQLException.class})
    ResponseEntity<ProblemDetail> handleDatabaseFailure(Exception ex) throws Exception {
        if (!databaseUnreachable(ex)) {
            throw ex;
        }
        return ProblemResponses.databaseUnavailable("The ledger's read database cannot be reached at the moment; "
                + "try again shortly");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> handleIllegalArgument(IllegalArgumentException ex) {
        return respond(problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", ex.getMessage()));
    }

    /** A parameter that cannot be converted: an unknown status or channel, a malformed date, a word for a number. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        String message = "has an invalid value '" + shown(ex.getValue()) + "'" + expected(ex);
        return handleExceptionInternal(ex, invalid(List.of(new FieldProblem(field, message))), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return handleExceptionInternal(ex, invalid(List.of(new FieldProblem(ex.getParameterName(), "is required"))),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Also a commit that failed on a broken connection and whose rollback then failed as well: Spring reports the
     * rollback's failure ("Connection is closed", no SQL state) and keeps the commit's as the application exception.
     */
    private static boolean databaseUnreachable(Exception ex) {
        return ProblemResponses.databaseUnreachable(ex) || ex instanceof TransactionSystemException failed
                && ProblemResponses.databaseUnreachable(failed.getApplicationException());
    }

    private static ProblemDetail invalid(List<FieldProblem> fields) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request",
                fields.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", fields);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String shown(@Nullable Object value) {
        if (value instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    /** What the parameter takes: an enum's values, an ISO date, a boolean or a whole number. */
    private static String expected(TypeMismatchException ex) {
        Class<?> type = ex.getRequiredType();
        if (ex instanceof MethodArgumentTypeMismatchException mismatch
                && Collection.class.isAssignableFrom(mismatch.getParameter().getParameterType())) {
            type = ResolvableType.forMethodParameter(mismatch.getParameter()).asCollection().resolveGeneric(0);
        }
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            return "; expected one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "; expected an ISO date such as 2025-03-14";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "; expected true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "; expected a whole number";
        }
        return "";
    }

    /** One parameter at fault. */
    record FieldProblem(String field, String message) {
    }
}
