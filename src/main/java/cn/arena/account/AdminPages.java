package cn.arena.account;

import cn.arena.shared.Messages;
import cn.arena.shared.PageErrors;
import cn.arena.shared.Refusal;
import cn.arena.shared.Times;
import cn.arena.shared.Violation;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    /** A login as a row of the list: its unit by name, and whether it is disabled or locked. */
    record UserRow(long id, String username, String displayName, String roles, String unit, boolean enabled, boolean locked) {}

    /** An audit entry as people read it: the time in arena.zone, the action by name, the address in short form. */
    record AuditRow(AuditLog.Entry entry, String at, String action, String address) {}

    /** An action the filter offers: its code and its name. */
    record ActionChoice(String code, String name) {}

    private final AccountService accounts;
    private final AccountApi api;
    private final AuditLog audit;
    private final OrgDirectory orgs;
    private final Messages messages;
    private final Times times;

    AdminPages(AccountService accounts, AccountApi api, AuditLog audit, OrgDirectory orgs, Messages messages, Times times) {
        this.times = times;
        this.accounts = accounts;
        this.api = api;
        this.audit = audit;
        this.orgs = orgs;
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
            @RequestParam(required = false) @Nullable List<String> roles, @RequestParam(defaultValue = "") String orgUnit,
            Model model, RedirectAttributes redirect) {
        try {
            api.create(actor, new AccountApi.CreateUser(username, password, displayName, roles, unitNamed(actor, orgUnit)));
        } catch (Refusal refusal) {
            show(refusal, model);
            // The password is not sent back into the page.
            model.addAttribute("form", new NewUserForm(username, displayName, roles == null ? List.of() : roles, orgUnit));
            return usersPage(actor, null, model);
        }
        redirect.addFlashAttribute("notice", messages.get("account.page.userCreated", username));
        return "redirect:/admin/users";
    }

    /** The form of a new user as typed, to show again after a refusal. */
    record NewUserForm(String username, String displayName, List<String> roles, String orgUnit) {}

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

    /** The edit form in place of the user's row (htmx). */
    @GetMapping("/admin/users/{id}/edit")
    @OrganizerOnly
    String edit(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, Model model) {
        AccountService.Standing standing = accounts.standing(actor, id);
        model.addAttribute("u", row(standing, orgs.pathsVisibleTo(actor)));
        model.addAttribute("unitOf", standing.row().orgUnitId() == null ? "" : orgs.pathsVisibleTo(actor).getOrDefault(standing.row().orgUnitId(), ""));
        model.addAttribute("userRoles", accounts.rolesOf(id).stream().map(Role::name).toList());
        model.addAttribute("allRoles", Role.values());
        return "account/users :: edit";
    }

    /** Saves a user's name and unit (and, for admins, roles); answers the row (htmx). */
    @PostMapping("/admin/users/{id}")
    @OrganizerOnly
    String update(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String orgUnit, @RequestParam(required = false) @Nullable List<String> roles, Model model) {
        accounts.update(actor, id, displayName, unitNamed(actor, orgUnit), actor.isAdmin() ? parsedRoles(roles) : null);
        return rowFragment(actor, id, messages.get("account.page.saved"), model);
    }

    /** Disables or re-enables a login (htmx). */
    @PostMapping("/admin/users/{id}/enabled")
    @OrganizerOnly
    String setEnabled(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, @RequestParam boolean enabled, Model model) {
        accounts.setEnabled(actor, id, enabled);
        return rowFragment(actor, id, messages.get(enabled ? "account.page.enabledNow" : "account.page.disabledNow"), model);
    }

    @PostMapping("/admin/users/{id}/unlock")
    @OrganizerOnly
    String unlock(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, Model model) {
        accounts.unlock(actor, id);
        return rowFragment(actor, id, messages.get("account.page.unlockedNow"), model);
    }

    /** A new random password, shown this once in the row's notice (htmx). */
    @PostMapping("/admin/users/{id}/password")
    @OrganizerOnly
    String resetPassword(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, Model model) {
        String password = accounts.resetPassword(actor, id);
        return rowFragment(actor, id, messages.get("account.page.passwordReset", password), model);
    }

    /** The row again, as it is now (htmx: cancels an edit). */
    @GetMapping("/admin/users/{id}/row")
    @OrganizerOnly
    String row(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, Model model) {
        return rowFragment(actor, id, null, model);
    }

    private String rowFragment(CurrentUser actor, long id, @Nullable String notice, Model model) {
        model.addAttribute("u", row(accounts.standing(actor, id), orgs.pathsVisibleTo(actor)));
        model.addAttribute("rowNotice", notice);
        return "account/users :: row";
    }

    /** The unit picked by its path of names; blank is none, a name not in the list is refused on the unit field. */
    private @Nullable Long unitNamed(CurrentUser actor, String path) {
        if (path.isBlank()) {
            return null;
        }
        return orgs.pathsVisibleTo(actor).entrySet().stream().filter(e -> e.getValue().equals(path.strip())).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> Refusal.invalid(Violation.field("orgUnitId", "account.orgUnit.unknownName", path.strip())));
    }

    private static Set<Role> parsedRoles(@Nullable List<String> codes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : codes == null ? List.<String>of() : codes) {
            roles.add(Role.parse(code).orElseThrow(() -> Refusal.invalid(Violation.field("roles", "account.roles.unknown", code))));
        }
        return roles;
    }

    private UserRow row(AccountService.Standing standing, Map<Long, String> paths) {
        UserStore.Row r = standing.row();
        return new UserRow(r.id(), r.username(), r.displayName(),
                accounts.rolesOf(r.id()).stream().map(Role::chineseName).sorted().collect(Collectors.joining("、")),
                r.orgUnitId() == null ? "" : paths.getOrDefault(r.orgUnitId(), ""), r.enabled(), standing.locked());
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String audit(@RequestParam(required = false) @Nullable String action, @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to, Model model) {
        List<AuditLog.Entry> entries;
        try {
            entries = audit.find(AuditExport.query(action, outcome, from, to, times.zone()), AuditExport.PAGE_ROWS);
        } catch (Refusal refusal) {
            show(refusal, model);
            entries = List.of();
        }
        model.addAttribute("entries", entries.stream()
                .map(e -> new AuditRow(e, times.shownSeconds(e.at()), actionName(e.action()), Address.readable(e.address()))).toList());
        model.addAttribute("actions", audit.actions().stream().map(a -> new ActionChoice(a, actionName(a)))
                .sorted(java.util.Comparator.comparing(ActionChoice::name)).toList());
        model.addAttribute("action", action);
        model.addAttribute("outcome", outcome);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "account/audit";
    }

    /** An action code as the log's readers know it; a code without a name (added since) shows as it is. */
    private String actionName(String code) {
        String key = "audit.action." + code;
        String name = messages.get(key);
        return name.equals(key) ? code : name;
    }

    private String usersPage(CurrentUser actor, @Nullable String q, Model model) {
        Map<Long, String> paths = orgs.pathsVisibleTo(actor);
        model.addAttribute("rows", accounts.standings(actor, q == null || q.isBlank() ? null : q.strip()).stream()
                .map(s -> row(s, paths)).toList());
        model.addAttribute("q", q);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("units", paths.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewUserForm("", "", List.of(),
                    actor.isAdmin() || actor.orgUnitId() == null ? "" : paths.getOrDefault(actor.orgUnitId(), "")));
        }
        return "account/users";
    }

    private void show(Refusal refusal, Model model) {
        model.addAttribute("errors", PageErrors.of(refusal, messages).listed(messages));
    }
}
