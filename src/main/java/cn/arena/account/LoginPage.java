package cn.arena.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (the form posts to Spring Security's {@code /login}). */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "account/login";
    }
}
