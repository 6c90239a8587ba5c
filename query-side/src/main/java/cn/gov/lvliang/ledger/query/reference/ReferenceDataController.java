package cn.gov.lvliang.ledger.query.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference data the ledger names its codes with: divisions, units, halls and windows.
 */
@RestController
@RequestMapping("/api/reference")
@Tag(name = "Reference data", description = "Divisions, units, halls and windows in the latest published version")
class ReferenceDataController {

    private final QueryGateway queryGateway;

    ReferenceDataController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/divisions")
    @Operation(summary = "County-level divisions",
            description = "The 13 counties, districts and county-level cities of Lvliang and the development zone, "
                    + "with their GB/T 2260 codes; empty until reference data was published.")
    List<DivisionView> divisions() {
        return queryGateway.query(new FindDivisionsQuery(), ResponseTypes.multipleInstancesOf(DivisionView.class))
                .join();
    }

    @GetMapping("/units")
    @Operation(summary = "Government units",
            description = "Every unit that leads bundles, decides items or handles cases, with the code events "
                    + "carry and the name as printed; empty until reference data was published.")
    List<UnitView> units() {
        return queryGateway.query(new FindUnitsQuery(), ResponseTypes.multipleInstancesOf(UnitView.class)).join();
    }

    @GetMapping("/halls")
    @Operation(summary = "Service halls with their windows",
            description = "The city hall and the county halls, each with its windows and service points (the "
                    + "\"1+6+3\" areas and the complaint window); empty until reference data was published.")
    List<HallView> halls() {
        return queryGateway.query(new FindHallsQuery(), ResponseTypes.multipleInstancesOf(HallView.class)).join();
    }
}
