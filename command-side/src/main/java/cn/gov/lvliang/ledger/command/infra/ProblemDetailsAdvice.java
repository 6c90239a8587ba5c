package cn.gov.lvliang.ledger.command.infra;

import cn.gov.lvliang.ledger.command.calendar.CalendarNotCoveredException;
import cn.gov.lvliang.ledger.security.ProblemResponses;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become RFC 7807 {@code application/problem+json} answers: 400 with the fields at
 * fault, 403 for a step that
 * belongs to another unit, 404 for an unknown case, 409 for a rule the case's state forbids, 503 while the database
 * cannot be reached.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final URI INVALID_REQUEST = URI.create("urn:lvliang-ledger:problem:invalid-request");
    static final URI MALFORMED_BODY = URI.create("urn:lvliang-ledger:problem:malformed-body");
    static final URI NOT_FOUND = URI.create("urn:lvliang-ledger:problem:not-found");
    static final URI CONFLICT = URI.create("urn:lvliang-ledger:problem:conflict");
    static final URI UNIT_NOT_ALLOWED = URI.create("urn:lvliang-ledger:problem:unit-not-allowed");
    static final URI OUT_OF_SCOPE = URI.create("urn:lvliang-ledger:problem:out-of-scope");
    static final URI CALENDAR_NOT_COVERED = URI.create("urn:lvliang-ledger:problem:calendar-not-covered");
    /** Domain validation messages name their field first: "bundleCode: no bundle 2099-01 ...". */
    private static final Pattern FIELD_PREFIX = Pattern.compile("([A-Za-z][A-Za-z0-9.\\[\\]]*): (.+)", Pattern.DOTALL);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request",
                fields.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", fields);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            String message;
            if (mapping instanceof InvalidFormatException invalid) {
                // A string fails to read only when RequestText refuses it; its value is not worth echoing.
                message = invalid.getTargetType() == String.class ? RequestText.REFUSAL
                        : "has an invalid value '" + invalid.getValue() + "'";
            } else {
                message = "cannot be read";
            }
            problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", field + " " + message);
            problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, MALFORMED_BODY, "Malformed request body",
                    "The request body is not valid JSON");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Domain validation the aggregates do themselves; their messages start with the field or rule at fault. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> handleIllegalArgument(IllegalArgumentException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", ex.getMessage());
        Matcher field = FIELD_PREFIX.matcher(String.valueOf(ex.getMessage()));
        if (field.matches()) {
            problem.setProperty("errors", List.of(new FieldProblem(field.group(1), field.group(2))));
        }
        return respond(problem);
    }

    /**
     * A time limit needs a year whose holiday notice is not loaded. The request is sound and the ledger cannot serve
     * it until an operator loads the notice, hence 503 (and an alert) rather than a client error.
     */
    @ExceptionHandler(CalendarNotCoveredException.class)
    ResponseEntity<ProblemDetail> handleCalendarNotCovered(CalendarNotCoveredException ex) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, CALENDAR_NOT_COVERED,
                "Working calendar not loaded for " + ex.year(), ex.getMessage());
        problem.setProperty("rule", "official-working-calendar");
        problem.setProperty("year", ex.year());
        problem.setProperty("calendarCovers", ex.firstDay() + ".." + ex.lastDay());
        return respond(problem);
    }

    /** A user acting outside their county. */
    @ExceptionHandler(OutOfScopeException.class)
    ResponseEntity<ProblemDetail> handleOutOfScope(OutOfScopeException ex) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, OUT_OF_SCOPE, "Outside your county", ex.getMessage());
        problem.setProperty("rule", "county-scope");
        return respond(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> handleNotFound(AggregateNotFoundException ex) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Case not found",
                "No case " + ex.getAggregateIdentifier());
        problem.setProperty("caseId", ex.getAggregateIdentifier());
        return respond(problem);
    }

    /** Another writer changed the case first; the client may retry with the same requestId. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> handleConcurrency(ConcurrencyException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, CONFLICT, "Concurrent change",
                "The case was changed by another request at the same time; retry with the same requestId");
        problem.setProperty("rule", "optimistic-concurrency");
        return respond(problem);
    }

    /**
     * The database cannot be reached (down, restarting, or no connection free within the pool's timeout): 503 with
     * Retry-After. Whether the command was stored is then unknown to the client, so it sends it again with the same
     * requestId and gets the first outcome if it was. Any other failure of these kinds stays a 500.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, SQLException.class})
    ResponseEntity<ProblemDetail> handleDatabaseFailure(Exception ex) throws Exception {
        if (!databaseUnreachable(ex)) {
            throw ex;
        }
        return ProblemResponses.databaseUnavailable("The ledger's database cannot be reached at the moment; send "
                + "the request again with the same requestId once it is back");
    }

    @ExceptionHandler(CaseStateException.class)
    ResponseEntity<ProblemDetail> handleCaseState(CaseStateException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, CONFLICT, "Not allowed in the current state",
                ex.getMessage());
        problem.setProperty("currentState", ex.currentState());
        problem.setProperty("rule", ex.rule());
        return respond(problem);
    }

    @ExceptionHandler(UnitNotAllowedException.class)
    ResponseEntity<ProblemDetail> handleUnitNotAllowed(UnitNotAllowedException ex) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, UNIT_NOT_ALLOWED, "Not this unit's step",
                ex.getMessage());
        problem.setProperty("actingUnit", ex.actingUnit());
        problem.setProperty("action", ex.action());
        return respond(problem);
    }

    /**
     * Also a commit that failed on a broken connection and whose rollback then failed as well: Spring reports the
     * rollback's failure ("Connection is closed", no SQL state) and keeps the commit's as the application exception.
     */
    private static boolean databaseUnreachable(Exception ex) {
        return ProblemResponses.databaseUnreachable(ex) || ex instanceof TransactionSystemException failed
                && ProblemResponses.databaseUnreachable(failed.getApplicationException());
    }

    static ProblemDetail problem(HttpStatus status, URI type, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String fieldPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** One field at fault. */
    record FieldProblem(String field, String message) {
    }
}
