package cn.gov.lvliang.ledger.query.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form's POST and the sign-out. */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn() {
        return "login";
    }
}
