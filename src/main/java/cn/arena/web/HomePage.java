package cn.arena.web;

import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.exam.CandidateExam;
import cn.arena.exam.ExamDirectory;
import cn.arena.marking.ExamResults;
import cn.arena.marking.ReleasedScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: for a candidate, what to do — exams open now (and by when), exams coming, results released and
 * submissions waiting for them; for staff, a tile for each area their roles open.
 */
@Controller
class HomePage {

    record Link(String href, String label) {}

    /** A submitted exam on the candidate's home page, with the candidate's own score once released. */
    record Result(CandidateExam exam, @Nullable BigDecimal score) {}

    private final ExamDirectory exams;
    private final ExamResults results;

    HomePage(ExamDirectory exams, ExamResults results) {
        this.exams = exams;
        this.results = results;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<Link> links = new ArrayList<>();
        if (user.isAdmin() || user.has(Role.ORGANIZER)) {
            links.add(new Link("/banks", "nav.banks"));
            links.add(new Link("/exams", "nav.exams"));
        }
        if (user.isAdmin() || user.has(Role.ORGANIZER) || user.has(Role.GRADER)) links.add(new Link("/marking", "nav.marking"));
        if (user.isAdmin() || user.has(Role.ORGANIZER) || user.has(Role.UNIT_CONTACT)) links.add(new Link("/competitions", "nav.competitions"));
        if (user.isAdmin() || user.has(Role.ORGANIZER)) {
            links.add(new Link("/org", "nav.orgUnits"));
            links.add(new Link("/admin/users", "nav.users"));
        }
        if (user.isAdmin()) links.add(new Link("/admin/audit", "nav.audit"));
        model.addAttribute("user", user);
        model.addAttribute("roles", user.roles().stream().map(Role::chineseName).sorted().collect(Collectors.joining("、")));
        model.addAttribute("links", links);
        model.addAttribute("staff", user.isAdmin() || user.has(Role.ORGANIZER));
        if (user.has(Role.CANDIDATE)) {
            candidate(user, model);
        }
        return "home";
    }

    private void candidate(CurrentUser user, Model model) {
        List<CandidateExam> mine = exams.candidateExams(user);
        List<Result> released = new ArrayList<>();
        List<CandidateExam> waiting = new ArrayList<>();
        for (CandidateExam e : mine) {
            if (e.state() != CandidateExam.State.SUBMITTED) {
                continue;
            }
            if (results.isReleased(e.examId())) {
                released.add(new Result(e, results.released(e.examId()).stream().filter(s -> s.userId() == user.id())
                        .map(ReleasedScore::score).findFirst().orElse(null)));
            } else {
                waiting.add(e);
            }
        }
        model.addAttribute("openNow", mine.stream().filter(CandidateExam::actionable).toList());
        model.addAttribute("upcoming", mine.stream().filter(e -> e.state() == CandidateExam.State.UPCOMING).toList());
        model.addAttribute("released", released);
        model.addAttribute("waiting", waiting);
    }
}
