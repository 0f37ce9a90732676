package cn.arena.bank;

import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank as downstream modules (paper, exam, marking, practice, live) use it: which questions a blueprint may
 * draw on, the exact version an attempt refers to, and the note that a version has been used.
 */
@Service
public class QuestionCatalog {

    private final QuestionStore store;
    private final Scopes scopes;

    QuestionCatalog(QuestionStore store, Scopes scopes) {
        this.store = store;
        this.scopes = scopes;
    }

    /** Active questions of the banks matching a blueprint section's filters; category includes its subcategories. */
    public List<Question> eligible(Collection<Long> bankIds, QuestionType type, @Nullable String category, @Nullable Integer difficulty) {
        return store.active(bankIds, type, category, difficulty);
    }

    /** Ids of the active questions of the banks of these types: what to draw from, without reading the questions. */
    public List<Long> eligibleIds(Collection<Long> bankIds, Collection<QuestionType> types) {
        return store.activeIds(bankIds, types);
    }

    /** A question version by id, retired or not (attempts keep pointing at the version they showed). */
    public Optional<Question> find(long questionId) {
        return store.find(questionId);
    }

    public List<Question> findAll(Collection<Long> questionIds) {
        return store.findAll(questionIds);
    }

    /** From now on these versions are never edited in place: an edit retires them and makes a new version. */
    @Transactional
    public void markUsed(Collection<Long> questionIds) {
        store.markUsed(questionIds);
    }

    /** The id of the bank of this exact name (the oldest, if several share it). */
    public Optional<Long> findBankByName(String name) {
        return store.findBankByName(name);
    }

    /** True when the bank exists and lies in the user's scope. */
    public boolean bankVisibleTo(CurrentUser user, long bankId) {
        return store.findBank(bankId).filter(b -> scopes.covers(user, b.ownerUnitId())).isPresent();
    }

    /** A bank as pickers in other modules' forms list it. */
    public record BankRef(long id, String name) {}

    /** The banks in the user's scope, by id. */
    public List<BankRef> banksVisibleTo(CurrentUser user) {
        return store.banks().stream().filter(b -> scopes.covers(user, b.ownerUnitId())).map(b -> new BankRef(b.id(), b.name())).toList();
    }
}
