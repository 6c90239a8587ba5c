package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.query.infra.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored history of any case, straight from the event store.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Audit", description = "Case histories for auditors")
class CaseHistoryController {

    private final StoredEvents storedEvents;

    CaseHistoryController(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    @GetMapping("/{caseId}/history")
    @Operation(summary = "A case's stored events",
            description = "Every event of the case in sequence order, with its type, recorded time, business time "
                    + "and the payload exactly as stored.")
    List<CaseHistoryEntry> history(@PathVariable String caseId) {
        List<CaseHistoryEntry> history = storedEvents.ofCase(caseId);
        if (history.isEmpty()) {
            throw new NotFoundException("No case " + caseId);
        }
        return history;
    }
}
