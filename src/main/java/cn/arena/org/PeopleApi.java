package cn.arena.org;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * People on the JSON API. ID numbers arrive only in request bodies (never in a URL) and leave masked, except from
 * the admin-only, audited {@code /id-number}.
 */
@RestController
@RequestMapping("/api/v1/people")
@OrganizerOnly
class PeopleApi {

    record PersonRequest(@Nullable String name, @Nullable String idNumber, @Nullable String mobile, @Nullable String landline,
            @Nullable String staffCategory, @Nullable Long orgUnitId, @Nullable String employment) {

        PersonForm form() {
            return new PersonForm(name, idNumber, mobile, landline, staffCategory, orgUnitId, employment);
        }

        @Override
        public String toString() {
            return form().toString();
        }
    }

    record Created(long id, String idNumber) {}

    record SearchRequest(@Nullable String idNumber, @Nullable String name, @Nullable Long orgUnitId) {

        @Override
        public String toString() {
            return "SearchRequest[idNumber=" + (idNumber == null ? "null" : "(hidden)") + ", name=" + name + ", orgUnitId=" + orgUnitId + "]";
        }
    }

    record Item(long id, String name, String idNumber, String mobile, String staffCategory, long orgUnitId) {}

    record Items(List<Item> items) {}

    record Person(long id, String name, String idNumber, String mobile, @Nullable String landline, String staffCategory,
            @Nullable Employment employment, long orgUnitId, @Nullable Long userId) {}

    record FullIdNumber(String idNumber) {}

    private final People people;
    private final PeopleImport imports;

    PeopleApi(People people, PeopleImport imports) {
        this.people = people;
        this.imports = imports;
    }

    @PostMapping
    @Operation(summary = "Register a person with a resident ID number, phone and staff category")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@AuthenticationPrincipal CurrentUser actor, @RequestBody PersonRequest body) {
        PersonForm.Registered registered = body.form().register(people, actor);
        return new Created(registered.id(), registered.maskedIdNumber());
    }

    record RollRequest(@Nullable Long orgUnitId) {}

    @PostMapping("/accounts")
    @io.swagger.v3.oas.annotations.Operation(summary = "Candidate logins for everyone of a unit's subtree without one: an xlsx of 姓名, 单位, 用户名, 初始密码")
    org.springframework.http.ResponseEntity<byte[]> issueAccounts(@AuthenticationPrincipal CurrentUser actor, @RequestBody RollRequest body) {
        List<People.IssuedAccount> issued = people.issueAccounts(actor, body.orgUnitId());
        try (cn.arena.shared.Spreadsheet.Writer writer = new cn.arena.shared.Spreadsheet.Writer()) {
            writer.sheet("账号", List.of("姓名", "单位", "用户名", "初始密码"));
            issued.forEach(a -> writer.row(List.of(a.name(), a.unit(), a.username(), a.initialPassword())));
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"accounts.xlsx\"")
                    .body(writer.toBytes());
        }
    }

    @PostMapping("/search")
    @Operation(summary = "Find people by ID number, name or org unit (ID numbers masked)")
    Items search(@AuthenticationPrincipal CurrentUser user, @RequestBody SearchRequest body) {
        return new Items(people.search(user, new People.Query(body.idNumber(), body.name(), body.orgUnitId())).stream()
                .map(p -> new Item(p.id(), p.name(), p.maskedIdNumber(), p.mobile(), p.staffCategory(), p.orgUnitId())).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person (ID number masked) with their employment history")
    Person get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        People.Details d = people.get(user, id);
        People.PersonView p = d.person();
        return new Person(p.id(), p.name(), p.maskedIdNumber(), p.mobile(), p.landline(), p.staffCategory(), d.employment(),
                p.orgUnitId(), p.userId());
    }

    @GetMapping("/{id}/id-number")
    @Operation(summary = "A person's full resident ID number (admins only; audited)")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<FullIdNumber> fullIdNumber(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new FullIdNumber(people.fullIdNumber(user, id)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Erase a person's personal data")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        people.erase(user, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/import")
    @Operation(summary = "Import people from xlsx")
    @ResponseStatus(HttpStatus.CREATED)
    PeopleImport.Result importPeople(@AuthenticationPrincipal CurrentUser actor, @RequestParam("file") MultipartFile file) throws IOException {
        return imports.run(actor, file.getInputStream(), file.getSize());
    }
}
