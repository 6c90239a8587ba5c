package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inspection teams' scoring (督导考核) over REST: the published rubric versions.
 */
@RestController
@RequestMapping("/api/scoring")
@Tag(name = "Scoring", description = "督导考核: rubrics, scores of counties and lead units, score cards")
class ScoringController {

    private final QueryGateway queryGateway;

    ScoringController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/rubrics")
    @Operation(summary = "Every published rubric version",
            description = "Oldest first, each with its indicators (measure, weight, direction, curve, the clause it "
                    + "rests on) and penalties, exactly as published. Every version stays, since a score can be "
                    + "computed again under any of them.")
    List<RubricView> rubrics() {
        return queryGateway.query(new ListRubricsQuery(), ResponseTypes.multipleInstancesOf(RubricView.class)).join();
    }

    @GetMapping("/rubrics/{version}")
    @Operation(summary = "One rubric version", description = "404 if the version has not been published.")
    RubricView rubric(@Parameter(description = "The rubric version", example = "1") @PathVariable int version) {
        return queryGateway.query(new FindRubricQuery(version), ResponseTypes.optionalInstanceOf(RubricView.class))
                .join()
                .orElseThrow(() -> new NotFoundException("No rubric version " + version));
    }
}
