package cn.gov.lvliang.ledger.query.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The illegal-fundraising board (打击非法集资): a place in the navigation that says the ledger has no data for it
 * yet. Its figures come when the campaign's read models exist.
 */
@Controller
class FundraisingController {

    @GetMapping("/fundraising")
    String fundraising() {
        return "fundraising";
    }
}
