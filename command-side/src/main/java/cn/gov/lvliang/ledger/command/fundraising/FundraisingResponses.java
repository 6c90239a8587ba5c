package cn.gov.lvliang.ledger.command.fundraising;

import cn.gov.lvliang.ledger.command.infra.CommandReceipt;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answers of the fundraising controllers: a receipt, and whether it repeats an earlier request's outcome. */
final class FundraisingResponses {

    static final String REPLAYED = "Idempotent-Replayed";

    private FundraisingResponses() {
    }

    static <T> ResponseEntity<T> ok(CommandReceipt receipt, T body) {
        return ResponseEntity.status(HttpStatus.OK).header(REPLAYED, String.valueOf(receipt.repeated())).body(body);
    }

    static <T> ResponseEntity<T> created(CommandReceipt receipt, String location, T body) {
        return ResponseEntity.created(URI.create(location)).header(REPLAYED, String.valueOf(receipt.repeated()))
                .body(body);
    }

    /**
     * What the command side answers once a step on a clue is stored.
     *
     * @param clueId    the clue
     * @param requestId the request that stored it
     * @param result    what the step produced; absent otherwise
     */
    record ClueReceipt(String clueId, String requestId, String result) {

        static ClueReceipt of(CommandReceipt receipt) {
            return new ClueReceipt(receipt.aggregateId(), receipt.requestId(), receipt.result());
        }
    }

    /**
     * What the command side answers once a step on a case is stored.
     *
     * @param caseId    the case
     * @param requestId the request that stored it
     * @param result    what the step produced, e.g. a new measure's id or a refund round's number; absent otherwise
     */
    // Named apart from the bundle cases' CaseReceipt, so that the OpenAPI description keeps both.
    @Schema(name = "FundraisingCaseReceipt")
    record CaseReceipt(String caseId, String requestId, String result) {

        static CaseReceipt of(CommandReceipt receipt) {
            return new CaseReceipt(receipt.aggregateId(), receipt.requestId(), receipt.result());
        }
    }
}
