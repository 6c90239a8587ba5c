package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.query.dashboard.ReformTargets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Targets against actuals (目标与实际): the plan's yearly targets and what the ledger records of them. */
@Controller
class TargetsController {

    private final TargetTables tables;
    private final ReformTargets targets;

    TargetsController(TargetTables tables, ReformTargets targets) {
        this.tables = tables;
        this.targets = targets;
    }

    @GetMapping("/targets")
    String targets(Model model) {
        model.addAttribute("tables", tables.all());
        model.addAttribute("source", targets.source());
        return "targets";
    }
}
