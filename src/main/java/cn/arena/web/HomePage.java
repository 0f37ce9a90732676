package cn.arena.web;

import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: a tile for each area the user's roles open. */
@Controller
class HomePage {

    record Link(String href, String label) {}

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<Link> links = new ArrayList<>();
        if (user.has(Role.CANDIDATE)) links.add(new Link("/my/exams", "nav.myExams"));
        if (user.isAdmin() || user.has(Role.ORGANIZER)) {
            links.add(new Link("/banks", "nav.banks"));
            links.add(new Link("/exams", "nav.exams"));
        }
        if (user.isAdmin() || user.has(Role.ORGANIZER) || user.has(Role.GRADER)) links.add(new Link("/marking", "nav.marking"));
        if (user.isAdmin() || user.has(Role.ORGANIZER) || user.has(Role.UNIT_CONTACT)) links.add(new Link("/competitions", "nav.competitions"));
        if (user.isAdmin() || user.has(Role.ORGANIZER)) links.add(new Link("/org", "nav.orgUnits"));
        if (user.isAdmin()) links.add(new Link("/admin/audit", "nav.audit"));
        model.addAttribute("user", user);
        model.addAttribute("roles", user.roles().stream().map(Role::chineseName).sorted().collect(Collectors.joining("、")));
        model.addAttribute("links", links);
        return "home";
    }
}
