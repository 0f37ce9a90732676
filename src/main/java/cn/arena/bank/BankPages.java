package cn.arena.bank;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.shared.Messages;
import cn.arena.shared.PageErrors;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bank pages for organizers and admins: banks, a bank's questions, the question form, and Excel import. */
@Controller
@RequestMapping("/banks")
@OrganizerOnly
class BankPages {

    static final int PAGE_SIZE = 20;

    /** A question as the list shows it, with its answer written out for people. */
    record Row(Question question, boolean used, String answer) {}

    private final BankService banks;
    private final Messages messages;

    BankPages(BankService banks, Messages messages) {
        this.banks = banks;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("banks", banks.banks(user));
        return "bank/banks";
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name, Model model) {
        try {
            return "redirect:/banks/" + banks.createBank(user, name);
        } catch (Refusal refusal) {
            model.addAttribute("problems", problems(refusal));
            model.addAttribute("name", name);
            return list(user, model);
        }
    }

    @GetMapping("/{bankId}")
    String questions(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId,
            @RequestParam(required = false) @Nullable QuestionType type, @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Integer difficulty, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var bank = banks.bank(user, bankId);
        var found = banks.questions(user, bankId, new QuestionStore.Filter(type, category, difficulty, q), page, PAGE_SIZE);
        model.addAttribute("bank", bank);
        model.addAttribute("rows", found.items().stream().map(v -> new Row(v.question(), v.used(), AuthoredKind.of(v.question().type()).describe(v.question().answer(), messages))).toList());
        model.addAttribute("total", found.total());
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("categories", banks.categories(user, bankId));
        model.addAttribute("types", QuestionType.values());
        model.addAttribute("type", type);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("difficulty", difficulty);
        model.addAttribute("q", q == null ? "" : q);
        return "bank/questions";
    }

    @GetMapping("/{bankId}/questions/new")
    String newQuestion(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId, Model model) {
        return form(model, banks.bank(user, bankId), null, QuestionForm.empty(), List.of());
    }

    @PostMapping("/{bankId}/questions")
    String addQuestion(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId, @ModelAttribute QuestionForm form,
            Model model, RedirectAttributes redirect) {
        var bank = banks.bank(user, bankId);
        try {
            rejectUnreadable(form);
            banks.addQuestion(user, bankId, form.toDraft());
        } catch (Refusal refusal) {
            return form(model, bank, null, form, problems(refusal));
        }
        redirect.addFlashAttribute("notice", "bank.page.saved");
        return "redirect:/banks/" + bankId;
    }

    @GetMapping("/{bankId}/questions/{questionId}/edit")
    String editQuestion(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId, @PathVariable long questionId, Model model) {
        var version = banks.question(user, bankId, questionId);
        return form(model, banks.bank(user, bankId), version, QuestionForm.of(version.question()), List.of());
    }

    @PostMapping("/{bankId}/questions/{questionId}")
    String saveQuestion(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId, @PathVariable long questionId,
            @ModelAttribute QuestionForm form, Model model, RedirectAttributes redirect) {
        var version = banks.question(user, bankId, questionId);
        try {
            rejectUnreadable(form);
            long current = banks.editQuestion(user, bankId, questionId, form.toDraft());
            redirect.addFlashAttribute("notice", current == questionId ? "bank.page.saved" : "bank.page.savedAsNewVersion");
        } catch (Refusal refusal) {
            return form(model, banks.bank(user, bankId), version, form, problems(refusal));
        }
        return "redirect:/banks/" + bankId;
    }

    @PostMapping("/{bankId}/questions/{questionId}/delete")
    String deleteQuestion(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId, @PathVariable long questionId,
            RedirectAttributes redirect) {
        banks.deleteQuestion(user, bankId, questionId);
        redirect.addFlashAttribute("notice", "bank.page.deleted");
        return "redirect:/banks/" + bankId;
    }

    @GetMapping("/{bankId}/import")
    String importPage(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId, Model model) {
        model.addAttribute("bank", banks.bank(user, bankId));
        model.addAttribute("duplicates", "skip");
        return "bank/import";
    }

    @PostMapping("/{bankId}/import")
    String importFile(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "skip") String duplicates, Model model) throws IOException {
        // Unlike the API (whose scripts rely on every row being added), the page leaves out what the bank already has.
        ImportDuplicates.Policy policy = BankApi.policy(duplicates);
        model.addAttribute("bank", banks.bank(user, bankId));
        model.addAttribute("filename", file.getOriginalFilename());
        model.addAttribute("duplicates", policy.name().toLowerCase(java.util.Locale.ROOT));
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("imported", banks.importQuestions(user, bankId, in, file.getSize(), policy));
        } catch (Refusal refusal) {
            model.addAttribute("problems", problems(refusal));
        }
        return "bank/import";
    }

    /** Refusals outside a form (an unknown bank or question, a retired version) become the error page. */
    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, HttpServletResponse response, Model model) {
        int status = switch (refusal.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case TOO_LARGE -> 413;
            case INVALID -> 422;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", messages.get(refusal.messageKey(), refusal.args()));
        return "error";
    }

    private String form(Model model, QuestionStore.BankRow bank, QuestionStore.@Nullable Version version, QuestionForm form,
            List<PageErrors.Entry> problems) {
        model.addAttribute("bank", bank);
        model.addAttribute("version", version);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("types", QuestionType.values());
        model.addAttribute("keys", QuestionSheet.OPTION_KEYS);
        return "bank/question-form";
    }

    private static void rejectUnreadable(QuestionForm form) {
        List<Violation> unreadable = form.unreadable();
        if (!unreadable.isEmpty()) {
            throw Refusal.invalid(unreadable);
        }
    }

    private List<PageErrors.Entry> problems(Refusal refusal) {
        return PageErrors.of(refusal, messages).entries();
    }
}
