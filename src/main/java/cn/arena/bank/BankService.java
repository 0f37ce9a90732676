package cn.arena.bank;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Violation;
import java.io.InputStream;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Banks and their questions for the people who write them (organizers within their scope). A question version
 * that an exam has used is never changed: editing it retires the row and inserts a new version, deleting it
 * retires it; unused versions are edited in place or deleted outright.
 */
@Service
class BankService {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;

    /**
     * What an import added: the number of questions, and per type (all six, zeros included); {@code skipped} are the
     * rows left out because the bank already held them.
     */
    record Imported(int imported, Map<QuestionType, Integer> byType, List<QuestionSheet.Row> skipped) {}

    /** An import's preview: the sheet's questions, per type, and the rows the bank already holds. */
    record Preview(int questions, Map<QuestionType, Integer> byType, List<QuestionSheet.Row> duplicates) {}

    private final QuestionStore store;
    private final Scopes scopes;
    private final Clock clock;
    private final AuditLog audit;

    BankService(QuestionStore store, Scopes scopes, Clock clock, AuditLog audit) {
        this.store = store;
        this.scopes = scopes;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    long createBank(CurrentUser user, String name) {
        if (name.isBlank()) {
            throw Refusal.invalid(Violation.field("name", "bank.name.required"));
        }
        if (name.strip().length() > 200) {
            throw Refusal.invalid(Violation.field("name", "bank.name.tooLong", 200));
        }
        return store.insertBank(name.strip(), user.orgUnitId(), user.username(), clock.instant());
    }

    List<QuestionStore.BankRow> banks(CurrentUser user) {
        return store.banks().stream().filter(b -> scopes.covers(user, b.ownerUnitId())).toList();
    }

    QuestionStore.BankRow bank(CurrentUser user, long bankId) {
        return store.findBank(bankId).filter(b -> scopes.covers(user, b.ownerUnitId())).orElseThrow(Refusal::notFound);
    }

    @Transactional
    long addQuestion(CurrentUser user, long bankId, QuestionDraft draft) {
        bank(user, bankId);
        return store.insert(checked(draft).toQuestion(bankId), null, clock.instant());
    }

    /** A page of the bank's active questions; page from 0, size 1..200 (20 when not given). */
    QuestionStore.Page questions(CurrentUser user, long bankId, QuestionStore.Filter filter, int page, @Nullable Integer size) {
        bank(user, bankId);
        int pageSize = size == null ? DEFAULT_PAGE_SIZE : Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        String text = filter.text() == null || filter.text().isBlank() ? null : filter.text().strip();
        return store.search(bankId, new QuestionStore.Filter(filter.type(), filter.category(), filter.difficulty(), text),
                Math.max(0, page), pageSize);
    }

    /** One version of the bank's questions, retired ones included (their history stays readable). */
    QuestionStore.Version question(CurrentUser user, long bankId, long questionId) {
        bank(user, bankId);
        return store.version(questionId).filter(v -> v.question().bankId() == bankId).orElseThrow(Refusal::notFound);
    }

    /** Edits a question and returns the id of its current version: the same one, or a new one if it had been used. */
    @Transactional
    long editQuestion(CurrentUser user, long bankId, long questionId, QuestionDraft draft) {
        QuestionStore.Version version = activeVersion(user, bankId, questionId);
        Question edited = checked(draft).toQuestion(bankId);
        audit.record("QUESTION_EDIT", "question:" + questionId, null);
        if (!version.used() && store.updateUnused(questionId, edited)) {
            return questionId;
        }
        if (!store.retire(questionId)) {
            throw Refusal.conflict("question.retired");
        }
        return store.insert(edited, questionId, clock.instant());
    }

    @Transactional
    void deleteQuestion(CurrentUser user, long bankId, long questionId) {
        QuestionStore.Version version = activeVersion(user, bankId, questionId);
        audit.record("QUESTION_DELETE", "question:" + questionId, null);
        if (!version.used() && store.deleteUnused(questionId)) {
            return;
        }
        if (!store.retire(questionId)) {
            throw Refusal.conflict("question.retired");
        }
    }

    List<CategoryTree.Node> categories(CurrentUser user, long bankId) {
        bank(user, bankId);
        return CategoryTree.of(store.categoryCounts(bankId));
    }

    /** Adds every question of the sheet, or none: any broken row refuses the whole file with every problem found. */
    @Transactional
    Imported importQuestions(CurrentUser user, long bankId, InputStream file, long size, ImportDuplicates.Policy duplicates) {
        bank(user, bankId);
        List<QuestionSheet.Row> rows = readSheet(file, size);
        List<QuestionSheet.Row> skipped = duplicates == ImportDuplicates.Policy.SKIP
                ? new ImportDuplicates(store.activeOf(bankId)).of(rows) : List.of();
        List<QuestionSheet.Row> added = rows.stream().filter(r -> !skipped.contains(r)).toList();
        added.forEach(r -> store.insert(r.draft().toQuestion(bankId), null, clock.instant()));
        audit.record("BANK_IMPORT", "bank:" + bankId, added.size() + " questions, " + skipped.size() + " already in the bank skipped");
        return new Imported(added.size(), byType(added), skipped);
    }

    /** What an import of the sheet would add, and which of its rows the bank already holds; changes nothing. */
    @Transactional(readOnly = true)
    Preview previewImport(CurrentUser user, long bankId, InputStream file, long size) {
        bank(user, bankId);
        List<QuestionSheet.Row> rows = readSheet(file, size);
        return new Preview(rows.size(), byType(rows), new ImportDuplicates(store.activeOf(bankId)).of(rows));
    }

    private static List<QuestionSheet.Row> readSheet(InputStream file, long size) {
        QuestionSheet.Reading reading = QuestionSheet.read(Spreadsheet.read(file, size));
        if (!reading.problems().isEmpty()) {
            throw Refusal.invalid(reading.problems());
        }
        return reading.rows();
    }

    /** Questions per type, all six types, zeros included. */
    private static Map<QuestionType, Integer> byType(List<QuestionSheet.Row> rows) {
        Map<QuestionType, Integer> byType = new EnumMap<>(QuestionType.class);
        for (QuestionType type : QuestionType.values()) {
            byType.put(type, 0);
        }
        rows.forEach(r -> byType.merge(r.draft().type(), 1, Integer::sum));
        return byType;
    }

    @Transactional
    byte[] export(CurrentUser user, long bankId) {
        bank(user, bankId);
        List<Question> questions = store.activeOf(bankId);
        audit.record("BANK_EXPORT", "bank:" + bankId, questions.size() + " questions");
        return QuestionSheet.write(questions);
    }

    private QuestionStore.Version activeVersion(CurrentUser user, long bankId, long questionId) {
        QuestionStore.Version version = question(user, bankId, questionId);
        if (!version.active()) {
            throw Refusal.conflict("question.retired");
        }
        return version;
    }

    private static QuestionDraft checked(QuestionDraft draft) {
        List<Violation> problems = draft.check();
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return draft;
    }
}
