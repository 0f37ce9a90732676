package cn.arena.account;

import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Accounts on the JSON API: who am I, API tokens, creating and importing users. */
@RestController
@RequestMapping("/api/v1")
class AccountApi {

    record Me(long id, String username, String displayName, Set<Role> roles, @Nullable Long orgUnitId) {}

    record TokenResponse(String token, Instant expiresAt) {}

    record CreateUser(String username, String password, String displayName, @Nullable List<String> roles, @Nullable Long orgUnitId) {}

    record Created(long id) {}

    record ImportResult(int created) {}

    record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {}

    record Enabled(boolean enabled) {}

    record Roles(@Nullable List<String> roles) {}

    private final AccountService accounts;
    private final ApiTokens tokens;
    private final AuditLog audit;

    AccountApi(AccountService accounts, ApiTokens tokens, AuditLog audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller: id, username, name, roles and org unit")
    Me me(@AuthenticationPrincipal CurrentUser user) {
        return new Me(user.id(), user.username(), user.displayName(), user.roles(), user.orgUnitId());
    }

    @PostMapping("/auth/token")
    @Operation(summary = "Issue an API token for the caller (send it as Authorization: Bearer)")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse issueToken(@AuthenticationPrincipal CurrentUser user) {
        ApiTokens.Issued issued = tokens.issue(user);
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @DeleteMapping("/auth/token")
    @Operation(summary = "Revoke the Bearer token of this request")
    ResponseEntity<Void> revokeToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Refusal.invalid(Violation.field("Authorization", "account.token.missing"));
        }
        tokens.revoke(header.substring(7).strip());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users")
    @Operation(summary = "Create a user with roles and an org unit")
    @ResponseStatus(HttpStatus.CREATED)
    @OrganizerOnly
    Created create(@AuthenticationPrincipal CurrentUser actor, @RequestBody CreateUser body) {
        List<Violation> problems = new ArrayList<>();
        Set<Role> roles = parseRoles(body.roles() == null ? List.of() : body.roles(), problems, null, null);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return new Created(accounts.create(actor, new AccountService.NewUser(nz(body.username()), nz(body.password()),
                nz(body.displayName()), roles, body.orgUnitId())));
    }

    /** All-or-nothing import of 用户名, 姓名, 密码, 角色, 单位; every broken cell is reported with its row. */
    @PostMapping("/users/import")
    @Operation(summary = "Create users from xlsx (all or none)")
    @ResponseStatus(HttpStatus.CREATED)
    @OrganizerOnly
    @Transactional
    ImportResult importUsers(@AuthenticationPrincipal CurrentUser actor, @RequestParam("file") MultipartFile file) throws IOException {
        Spreadsheet.Sheet1 sheet = Spreadsheet.read(file.getInputStream(), file.getSize());
        List<List<String>> columns = List.of(List.of("用户名", "username"), List.of("姓名", "displayName", "name"),
                List.of("密码", "password"), List.of("角色", "roles", "role"), List.of("单位", "orgUnit", "unit"));
        Spreadsheet.Header header = sheet.findHeader(columns)
                .filter(h -> h.has("用户名") && h.has("密码") && h.has("角色"))
                .orElseThrow(() -> Refusal.invalid(Violation.field("file", "account.import.noHeader")));
        List<Violation> problems = new ArrayList<>();
        List<AccountService.NewUser> users = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Spreadsheet.Line line : sheet.lines()) {
            if (line.row() <= header.row()) {
                continue;
            }
            int row = line.row();
            Set<Role> roles = parseRoles(splitRoles(header.get(line, "角色")), problems, row, "角色");
            Long unit = null;
            String unitName = header.get(line, "单位");
            if (!unitName.isEmpty()) {
                unit = accounts.orgs().findByName(unitName).orElse(null);
                if (unit == null) {
                    problems.add(Violation.cell(row, "单位", "account.orgUnit.unknownName", unitName));
                }
            }
            String username = header.get(line, "用户名");
            if (!seen.add(username)) {
                problems.add(Violation.cell(row, "用户名", "account.username.duplicateInFile", username));
            }
            String name = header.get(line, "姓名");
            var user = new AccountService.NewUser(username, header.get(line, "密码"), name.isEmpty() ? username : name, roles, unit);
            for (Violation v : accounts.check(actor, user)) {
                if (!(unit == null && !unitName.isEmpty() && "orgUnitId".equals(v.field()))) {
                    problems.add(v.atRow(row, columnOf(v.field())));
                }
            }
            users.add(user);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        users.forEach(u -> accounts.create(actor, u));
        return new ImportResult(users.size());
    }

    @PutMapping("/me/password")
    @Operation(summary = "Change the caller's own password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal CurrentUser user, @RequestBody PasswordChange body) {
        accounts.changeOwnPassword(user, nz(body.currentPassword()), nz(body.newPassword()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/users/{id}/enabled")
    @Operation(summary = "Enable or disable a user")
    @OrganizerOnly
    ResponseEntity<Void> setEnabled(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, @RequestBody Enabled body) {
        accounts.setEnabled(actor, id, body.enabled());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/users/{id}/roles")
    @Operation(summary = "Change a user's roles")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> changeRoles(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, @RequestBody Roles body) {
        List<Violation> problems = new ArrayList<>();
        Set<Role> roles = parseRoles(body.roles() == null ? List.of() : body.roles(), problems, null, null);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        accounts.changeRoles(actor, id, roles);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/audit")
    @Operation(summary = "The newest audit log entries, optionally of one action")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, List<AuditLog.Entry>> audit(@RequestParam(required = false) @Nullable String action,
            @RequestParam(defaultValue = "200") int limit) {
        return Map.of("items", audit.recent(Math.min(Math.max(limit, 1), 5000), action));
    }

    private static List<String> splitRoles(String text) {
        return text.isBlank() ? List.of() : List.of(text.split("[,，、]"));
    }

    private static Set<Role> parseRoles(List<String> texts, List<Violation> problems, @Nullable Integer row, @Nullable String column) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String text : texts) {
            Role.parse(text).ifPresentOrElse(roles::add, () -> {
                Violation v = Violation.field("roles", "account.roles.unknown", text.strip());
                problems.add(row == null ? v : v.atRow(row, column));
            });
        }
        return roles;
    }

    private static String columnOf(@Nullable String field) {
        return Map.of("username", "用户名", "password", "密码", "displayName", "姓名", "roles", "角色", "orgUnitId", "单位")
                .getOrDefault(field == null ? "" : field, "用户名");
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
