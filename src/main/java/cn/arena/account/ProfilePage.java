package cn.arena.account;

import cn.arena.shared.Messages;
import cn.arena.shared.Refusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's own page: who they are, their roles, and a form to change their password. */
@Controller
class ProfilePage {

    private final AccountService accounts;
    private final Messages messages;

    ProfilePage(AccountService accounts, Messages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/account")
    String show(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @org.jspecify.annotations.Nullable String initial,
            Model model) {
        model.addAttribute("me", user);
        model.addAttribute("initial", initial != null || user.passwordChangeRequired());
        return "account/profile";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal CurrentUser user, @RequestParam String currentPassword,
            @RequestParam String newPassword, @RequestParam String confirmPassword, Model model) {
        model.addAttribute("me", user);
        model.addAttribute("initial", user.passwordChangeRequired());
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", messages.get("account.password.mismatch"));
            return "account/profile";
        }
        try {
            accounts.changeOwnPassword(user, currentPassword, newPassword);
            model.addAttribute("changed", true);
            model.addAttribute("initial", false);
        } catch (Refusal refusal) {
            model.addAttribute("error", messages.of(refusal.violations().get(0)));
        }
        return "account/profile";
    }
}
