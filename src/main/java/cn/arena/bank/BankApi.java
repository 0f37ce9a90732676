package cn.arena.bank;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.shared.Messages;
import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/** Question banks on the JSON API (organizers and admins; candidates may not list banks). */
@RestController
@RequestMapping("/api/v1/banks")
@OrganizerOnly
class BankApi {


    record NewBank(@Nullable String name) {}

    record Created(long id) {}

    record BankView(long id, String name, @Nullable Long ownerUnitId) {}

    /** A question as the contract shapes it, with its id and whether an exam has used this version. */
    record QuestionView(long id, QuestionType type, String stem, List<Option> options, JsonNode answer, String analysis,
            String category, int difficulty, BigDecimal points, List<String> keywords, boolean used, String status) {

        static QuestionView of(QuestionStore.Version v) {
            Question q = v.question();
            return new QuestionView(q.id(), q.type(), q.stem(), q.options(), q.answer(), q.analysis(), q.category(),
                    q.difficulty(), q.points(), q.keywords(), v.used(), v.active() ? "ACTIVE" : "RETIRED");
        }
    }

    record QuestionPage(List<QuestionView> items, long total) {}

    record Imported(int imported, Map<QuestionType, Integer> byType) {}

    private final BankService banks;
    private final Messages messages;

    BankApi(BankService banks, Messages messages) {
        this.banks = banks;
        this.messages = messages;
    }

    @PostMapping
    @Operation(summary = "Create a question bank")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewBank body) {
        return new Created(banks.createBank(user, body.name() == null ? "" : body.name()));
    }

    @GetMapping
    @Operation(summary = "Question banks in the caller's scope")
    Map<String, List<BankView>> list(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("items", banks.banks(user).stream().map(b -> new BankView(b.id(), b.name(), b.ownerUnitId())).toList());
    }

    @PostMapping("/{bankId}/questions")
    @Operation(summary = "Add a question to a bank")
    @ResponseStatus(HttpStatus.CREATED)
    Created addQuestion(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId, @RequestBody QuestionDraft draft) {
        return new Created(banks.addQuestion(user, bankId, draft));
    }

    /** Active questions, answers included; {@code category} includes its subcategories, {@code q} searches stems. */
    @GetMapping("/{bankId}/questions")
    @Operation(summary = "A page of a bank's questions, filtered by type, category, difficulty or text")
    QuestionPage questions(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId,
            @RequestParam(required = false) @Nullable QuestionType type, @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Integer difficulty, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable Integer size) {
        var found = banks.questions(user, bankId, new QuestionStore.Filter(type, category, difficulty, q), page, size);
        return new QuestionPage(found.items().stream().map(QuestionView::of).toList(), found.total());
    }

    @GetMapping("/{bankId}/questions/{questionId}")
    @Operation(summary = "One question, current version")
    QuestionView question(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId, @PathVariable long questionId) {
        return QuestionView.of(banks.question(user, bankId, questionId));
    }

    /** 200 with the id of the question's current version (a new one when the edited version had been used). */
    @PutMapping("/{bankId}/questions/{questionId}")
    @Operation(summary = "Edit a question (a new version; papers keep the old one)")
    Created edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId, @PathVariable long questionId,
            @RequestBody QuestionDraft draft) {
        return new Created(banks.editQuestion(user, bankId, questionId, draft));
    }

    @DeleteMapping("/{bankId}/questions/{questionId}")
    @Operation(summary = "Delete a question from a bank")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId, @PathVariable long questionId) {
        banks.deleteQuestion(user, bankId, questionId);
    }

    @GetMapping("/{bankId}/categories")
    @Operation(summary = "The bank's category tree with question counts")
    Map<String, List<CategoryTree.Node>> categories(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId) {
        return Map.of("items", banks.categories(user, bankId));
    }

    @PostMapping(path = "/{bankId}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import questions from xlsx (all or none; every bad row named; questions already in the bank kept or skipped)")
    Imported importQuestions(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId,
            @RequestParam("file") MultipartFile file,
            @Parameter(description = DUPLICATES, schema = @Schema(allowableValues = {"keep", "skip"}, defaultValue = "keep"))
            @RequestParam(defaultValue = "keep") String duplicates) throws IOException {
        ImportDuplicates.Policy policy = policy(duplicates);
        try (InputStream in = file.getInputStream()) {
            var result = banks.importQuestions(user, bankId, in, file.getSize(), policy);
            return new Imported(result.imported(), result.byType());
        }
    }

    /** A row of the sheet whose question the bank already has. */
    record Duplicate(int row, QuestionType type, String stem) {}

    record Preview(int questions, Map<QuestionType, Integer> byType, List<Duplicate> duplicates) {}

    @PostMapping(path = "/{bankId}/import/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Check an import file without importing it: its questions per type, and the rows already in the bank",
            description = "A row is already in the bank when an active question has the same type and the same stem after trimming. "
                    + "A broken file is refused with 422 and the same row errors as the import.")
    Preview previewImport(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId,
            @RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            var preview = banks.previewImport(user, bankId, in, file.getSize());
            return new Preview(preview.questions(), preview.byType(), preview.duplicates().stream()
                    .map(r -> new Duplicate(r.number(), r.draft().type(), r.draft().stem().strip())).toList());
        }
    }

    static final String DUPLICATES = "What to do with rows whose question the bank already has (same type, same stem after "
            + "trimming): keep imports them again (the default), skip leaves them out.";

    static ImportDuplicates.Policy policy(String duplicates) {
        ImportDuplicates.Policy policy = ImportDuplicates.Policy.parse(duplicates);
        if (policy == null) {
            throw Refusal.invalid(List.of(Violation.field("duplicates", "bank.import.duplicates.unknown")));
        }
        return policy;
    }

    @GetMapping("/{bankId}/export")
    @Operation(summary = "Export a bank as xlsx in the import template's format")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId) {
        String name = banks.bank(user, bankId).name();
        return Spreadsheet.download(banks.export(user, bankId), name + ".xlsx");
    }

    /** The template with its header row only, for people starting a bank in Excel, and a sheet explaining the columns. */
    @GetMapping("/template.xlsx")
    @Operation(summary = "The empty question import template (xlsx) with column help")
    ResponseEntity<byte[]> template() {
        List<String> columns = List.of("type", "stem", "options", "answer", "analysis", "category", "difficulty", "points", "keywords");
        var help = new QuestionSheet.Help(messages.get("bank.template.sheet"),
                List.of(messages.get("bank.page.column"), messages.get("bank.template.content")),
                columns.stream().map(c -> List.of(messages.get("bank.template.column." + c), messages.get("bank.template.help." + c))).toList());
        return Spreadsheet.download(QuestionSheet.write(List.of(), help), "题库导入模板.xlsx");
    }

}
