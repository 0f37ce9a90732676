package cn.arena.org;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.shared.Messages;
import cn.arena.shared.PageErrors;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The org tree and people screens for admins and organizers. Searches by ID number are POSTed and answered in
 * place, so a number never lands in a URL; a refused form comes back with its messages but without the ID number
 * typed into it.
 */
@Controller
@OrganizerOnly
class OrgPages {

    /** Fields of the unit and person forms that show their own refusal message beside them. */
    private static final Set<String> FORM_FIELDS = Set.of("name", "idNumber", "mobile", "landline", "staffCategory", "orgUnitId",
            "employment", "kind", "parentId");

    /** A unit with the units below it, for the nested list. */
    record Node(OrgTree.OrgUnit unit, List<Node> children) {}

    /** A person as a row of the list, with names instead of codes and ids. */
    record Row(People.PersonView person, String unitName, String categoryName) {}

    /** What the person form posts (and what comes back on a refusal, the ID number left out). */
    record PersonFields(@Nullable String name, @Nullable String idNumber, @Nullable String mobile, @Nullable String landline,
            @Nullable String staffCategory, @Nullable Long orgUnitId, @Nullable String employment) {

        PersonForm form() {
            return new PersonForm(name, idNumber, mobile, landline, staffCategory, orgUnitId, employment);
        }

        @Override
        public String toString() {
            return form().toString();
        }
    }

    record UnitFields(@Nullable String name, @Nullable String kind, @Nullable Long parentId) {}

    private final OrgTree tree;
    private final People people;
    private final StaffCategories categories;
    private final OrgImport orgImport;
    private final PeopleImport peopleImport;
    private final Messages messages;

    OrgPages(OrgTree tree, People people, StaffCategories categories, OrgImport orgImport, PeopleImport peopleImport, Messages messages) {
        this.tree = tree;
        this.people = people;
        this.categories = categories;
        this.orgImport = orgImport;
        this.peopleImport = peopleImport;
        this.messages = messages;
    }

    @ModelAttribute
    void common(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("isAdmin", user.isAdmin());
    }

    @GetMapping("/org")
    String units(@AuthenticationPrincipal CurrentUser user, Model model) {
        return unitsPage(user, model, new UnitFields(null, null, null));
    }

    @PostMapping("/org/units")
    String createUnit(@AuthenticationPrincipal CurrentUser user, @ModelAttribute UnitFields unit, Model model, RedirectAttributes redirect) {
        try {
            OrgUnitKind kind = unit.kind() == null || unit.kind().isBlank() ? null : OrgUnitKind.parse(unit.kind()).orElse(null);
            tree.create(user, unit.name() == null ? "" : unit.name(), kind, unit.parentId());
        } catch (Refusal refusal) {
            show(refusal, model);
            return unitsPage(user, model, unit);
        }
        redirect.addFlashAttribute("notice", messages.get("org.page.unitCreated", unit.name().strip()));
        return "redirect:/org";
    }

    @PostMapping("/org/import")
    String importUnits(@AuthenticationPrincipal CurrentUser user, @RequestParam("file") MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        try {
            OrgImport.Result result = orgImport.run(user, file.getInputStream(), file.getSize());
            redirect.addFlashAttribute("notice", messages.get("org.page.unitsImported", result.created()));
        } catch (Refusal refusal) {
            show(refusal, model);
            return unitsPage(user, model, new UnitFields(null, null, null));
        }
        return "redirect:/org";
    }

    @GetMapping("/org/people")
    String peopleList(@AuthenticationPrincipal CurrentUser user, Model model) {
        return peoplePage(user, model, new People.Query(null, null, null), emptyPerson());
    }

    @PostMapping("/org/people/search")
    String search(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String idNumber,
            @RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable Long orgUnitId, Model model) {
        model.addAttribute("searched", true);
        return peoplePage(user, model, new People.Query(idNumber, name, orgUnitId), emptyPerson());
    }

    @PostMapping("/org/people")
    String createPerson(@AuthenticationPrincipal CurrentUser user, @ModelAttribute PersonFields fields, Model model) {
        try {
            long id = fields.form().register(people, user).id();
            return "redirect:/org/people/" + id;
        } catch (Refusal refusal) {
            show(refusal, model);
            PersonFields retyped = new PersonFields(fields.name(), null, fields.mobile(), fields.landline(), fields.staffCategory(),
                    fields.orgUnitId(), fields.employment());
            return peoplePage(user, model, new People.Query(null, null, null), retyped);
        }
    }

    @PostMapping("/org/people/import")
    String importPeople(@AuthenticationPrincipal CurrentUser user, @RequestParam("file") MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        try {
            PeopleImport.Result result = peopleImport.run(user, file.getInputStream(), file.getSize());
            redirect.addFlashAttribute("notice", messages.get("org.page.peopleImported", result.created(), result.updated()));
        } catch (Refusal refusal) {
            show(refusal, model);
            return peoplePage(user, model, new People.Query(null, null, null), emptyPerson());
        }
        return "redirect:/org/people";
    }

    @GetMapping("/org/people/{id}")
    String person(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        People.Details details = visible(user, id);
        Map<Long, String> units = unitNames(user);
        model.addAttribute("person", row(details.person(), units, categoryNames()));
        model.addAttribute("employment", details.employment());
        // The way down from the top of what the user may see to the person's unit.
        List<String> path = new ArrayList<>();
        tree.ancestorsOf(details.person().orgUnitId()).stream().filter(units::containsKey).forEach(u -> path.add(0, units.get(u)));
        model.addAttribute("unitPath", String.join(" / ", path));
        return "org/person";
    }

    @PostMapping("/org/people/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        visible(user, id);
        people.erase(user, id);
        redirect.addFlashAttribute("notice", messages.get("org.page.personDeleted"));
        return "redirect:/org/people";
    }

    private People.Details visible(CurrentUser user, long id) {
        try {
            return people.get(user, id);
        } catch (Refusal notFound) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String unitsPage(CurrentUser user, Model model, UnitFields form) {
        List<OrgTree.OrgUnit> units = tree.visibleTo(user);
        model.addAttribute("nodes", nest(units));
        model.addAttribute("units", units);
        model.addAttribute("kinds", OrgUnitKind.values());
        model.addAttribute("unit", form);
        return "org/units";
    }

    private String peoplePage(CurrentUser user, Model model, People.Query query, PersonFields form) {
        Map<Long, String> units = unitNames(user);
        Map<String, String> names = categoryNames();
        model.addAttribute("rows", people.search(user, query).stream().map(p -> row(p, units, names)).toList());
        model.addAttribute("units", tree.visibleTo(user));
        model.addAttribute("categories", categories.all());
        model.addAttribute("employments", Employment.values());
        model.addAttribute("query", new People.Query(null, query.name(), query.orgUnitId()));
        model.addAttribute("form", form);
        return "org/people";
    }

    private static Row row(People.PersonView p, Map<Long, String> units, Map<String, String> categories) {
        return new Row(p, units.getOrDefault(p.orgUnitId(), ""), categories.getOrDefault(p.staffCategory(), p.staffCategory()));
    }

    private Map<Long, String> unitNames(CurrentUser user) {
        return tree.visibleTo(user).stream().collect(Collectors.toMap(OrgTree.OrgUnit::id, OrgTree.OrgUnit::name));
    }

    private Map<String, String> categoryNames() {
        return categories.all().stream().collect(Collectors.toMap(StaffCategory::code, StaffCategory::name));
    }

    /** Refusal messages for the page: by field where the form has one, otherwise as a list (with row and column for files). */
    private void show(Refusal refusal, Model model) {
        PageErrors errors = PageErrors.of(refusal, messages);
        model.addAttribute("fieldErrors", errors.byField(FORM_FIELDS));
        model.addAttribute("errors", errors.listed(FORM_FIELDS, messages));
    }

    private static PersonFields emptyPerson() {
        return new PersonFields(null, null, null, null, null, null, null);
    }

    /** Units nested under their parents; a unit whose parent the user cannot see is a root of what they see. */
    static List<Node> nest(List<OrgTree.OrgUnit> units) {
        Map<Long, OrgTree.OrgUnit> byId = units.stream().collect(Collectors.toMap(OrgTree.OrgUnit::id, Function.identity()));
        Map<Long, List<OrgTree.OrgUnit>> children = new HashMap<>();
        List<OrgTree.OrgUnit> roots = new ArrayList<>();
        for (OrgTree.OrgUnit u : units) {
            if (u.parentId() != null && byId.containsKey(u.parentId())) {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            } else {
                roots.add(u);
            }
        }
        return roots.stream().map(r -> node(r, children)).toList();
    }

    private static Node node(OrgTree.OrgUnit unit, Map<Long, List<OrgTree.OrgUnit>> children) {
        return new Node(unit, children.getOrDefault(unit.id(), List.of()).stream().map(c -> node(c, children)).toList());
    }
}
