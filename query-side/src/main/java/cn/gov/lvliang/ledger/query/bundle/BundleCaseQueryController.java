package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bundle cases as read from the read model.
 */
@RestController
@RequestMapping("/api/bundle-cases")
@Tag(name = "Bundle cases", description = "高效办成一件事: case views")
class BundleCaseQueryController {

    private final QueryGateway queryGateway;

    BundleCaseQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "One bundle case", description = "The case as the read model holds it; 404 until the "
            + "query side has processed the case's first event.")
    BundleCaseView get(@PathVariable String caseId) {
        Optional<BundleCaseView> view = queryGateway.query(
                new FindBundleCaseQuery(caseId), ResponseTypes.optionalInstanceOf(BundleCaseView.class)).join();
        return view.orElseThrow(() -> new NotFoundException("No bundle case " + caseId));
    }
}
