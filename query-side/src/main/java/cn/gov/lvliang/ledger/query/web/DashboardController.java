package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.query.dashboard.DashboardFilter;
import cn.gov.lvliang.ledger.query.dashboard.LedgerQueries;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard home (总览): case figures by status, county, bundle, lead unit, channel and month. */
@Controller
class DashboardController {

    private final DashboardTables tables;
    private final LedgerQueries ledger;

    DashboardController(DashboardTables tables, LedgerQueries ledger) {
        this.tables = tables;
        this.ledger = ledger;
    }

    @GetMapping("/")
    String home(DashboardParams params, Model model) {
        DashboardFilter filter = params.toFilter();
        Map<String, Table> all = tables.all(filter);
        model.addAttribute("filter", filter);
        model.addAttribute("divisions", ledger.divisions());
        model.addAttribute("tables", all);
        model.addAttribute("leadUnitName", filter.leadUnit() == null ? null : all.get("lead-unit").rows().stream()
                .findFirst().map(row -> row.get(0).text()).orElse(filter.leadUnit()));
        model.addAttribute("clearLeadUnit", Links.dashboard(
                new DashboardFilter(filter.division(), null, filter.from(), filter.to())));
        return "dashboard";
    }
}
