package cn.arena.account;

import cn.arena.shared.Messages;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Screens over the account API: users (admins and organizers, each seeing the logins of their own scope) and the
 * audit log (admins). Creating and importing go through {@link AccountApi} itself, so the screens and scripts
 * follow the same rules.
 */
@Controller
class AdminPages {

    /** A login as a row of the list. */
    /** An audit entry with its time as people read it (China time). */
    record AuditRow(AuditLog.Entry entry, String at) {}

    record UserRow(long id, String username, String displayName, String roles, @Nullable Long orgUnitId) {}

    private final AccountService accounts;
    private final AccountApi api;
    private final AuditLog audit;
    private final Scopes scopes;
    private final Messages messages;

    AdminPages(AccountService accounts, AccountApi api, AuditLog audit, Scopes scopes, Messages messages) {
        this.accounts = accounts;
        this.api = api;
        this.audit = audit;
        this.scopes = scopes;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    @OrganizerOnly
    String users(@AuthenticationPrincipal CurrentUser actor, @RequestParam(required = false) @Nullable String q, Model model) {
        return usersPage(actor, q, model);
    }

    @PostMapping("/admin/users")
    @OrganizerOnly
    String create(@AuthenticationPrincipal CurrentUser actor, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) @Nullable List<String> roles, @RequestParam(required = false) @Nullable Long orgUnitId,
            Model model, RedirectAttributes redirect) {
        try {
            api.create(actor, new AccountApi.CreateUser(username, password, displayName, roles, orgUnitId));
        } catch (Refusal refusal) {
            show(refusal, model);
            // The password is not sent back into the page.
            model.addAttribute("form", new AccountApi.CreateUser(username, "", displayName, roles, orgUnitId));
            return usersPage(actor, null, model);
        }
        redirect.addFlashAttribute("notice", messages.get("account.page.userCreated", username));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/import")
    @OrganizerOnly
    String importUsers(@AuthenticationPrincipal CurrentUser actor, @RequestParam("file") MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        try {
            AccountApi.ImportResult result = api.importUsers(actor, file);
            redirect.addFlashAttribute("notice", messages.get("account.page.usersImported", result.created()));
        } catch (Refusal refusal) {
            show(refusal, model);
            return usersPage(actor, null, model);
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String audit(@RequestParam(required = false) @Nullable String action, Model model) {
        String filter = action == null || action.isBlank() ? null : action.strip();
        model.addAttribute("entries", audit.recent(AuditExport.PAGE_ROWS, filter).stream()
                .map(e -> new AuditRow(e, AuditExport.SHOWN.format(e.at()))).toList());
        model.addAttribute("action", filter);
        return "account/audit";
    }

    private String usersPage(CurrentUser actor, @Nullable String q, Model model) {
        List<UserRow> rows = accounts.list(q == null || q.isBlank() ? null : q.strip()).stream()
                .filter(u -> scopes.covers(actor, u.orgUnitId()))
                .map(u -> new UserRow(u.id(), u.username(), u.displayName(),
                        accounts.rolesOf(u.id()).stream().map(Role::chineseName).sorted().collect(Collectors.joining("、")), u.orgUnitId()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("q", q);
        model.addAttribute("allRoles", Role.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AccountApi.CreateUser("", "", "", List.of(), actor.isAdmin() ? null : actor.orgUnitId()));
        }
        return "account/users";
    }

    private void show(Refusal refusal, Model model) {
        List<String> errors = new ArrayList<>();
        for (Violation v : refusal.violations()) {
            String text = messages.of(v);
            errors.add(v.row() != null ? messages.get("account.page.cellError", v.row(), v.column() == null ? "" : v.column(), text) : text);
        }
        if (errors.isEmpty()) {
            errors.add(messages.get(refusal.messageKey(), refusal.args()));
        }
        model.addAttribute("errors", errors);
    }
}
