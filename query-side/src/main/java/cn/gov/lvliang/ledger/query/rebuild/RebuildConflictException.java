package cn.gov.lvliang.ledger.query.rebuild;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A rebuild that cannot start now: one is already running, or the projection cannot be rebuilt. Answered with 409
 * {@code application/problem+json} by the query side's one exception advice, which renders every
 * {@link ErrorResponseException}.
 */
class RebuildConflictException extends ErrorResponseException {

    RebuildConflictException(String detail) {
        super(HttpStatus.CONFLICT, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(URI.create("urn:lvliang-ledger:problem:conflict"));
        problem.setTitle("Conflict");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
