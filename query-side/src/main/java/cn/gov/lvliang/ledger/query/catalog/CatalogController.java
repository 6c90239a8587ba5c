package cn.gov.lvliang.ledger.query.catalog;

import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bundle catalog as published into the ledger.
 */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Catalog", description = "高效办成一件事: the published bundle catalog")
class CatalogController {

    private final QueryGateway queryGateway;

    CatalogController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/bundles")
    @Operation(summary = "The bundles of a catalog version",
            description = "Every bundle of the version ordered by its printed number, with its mark, year, subject, "
                    + "lead unit and items, names in Chinese exactly as published. 404 if the version (or, without "
                    + "a version, any catalog) has not been published yet.")
    CatalogView bundles(
            @Parameter(description = "Catalog version; the latest published version if absent", example = "1")
            @RequestParam(required = false) Integer version) {
        Optional<CatalogView> catalog = queryGateway.query(
                new FindCatalogQuery(version), ResponseTypes.optionalInstanceOf(CatalogView.class)).join();
        return catalog.orElseThrow(() -> new NotFoundException(version == null
                ? "No bundle catalog has been published yet"
                : "No bundle catalog version " + version));
    }
}
