package cn.arena.bank;

import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    private final Cache<Long, List<String>> usedOptionKeys = Caffeine.newBuilder().maximumSize(100_000).build();

    QuestionCatalog(QuestionStore store, Scopes scopes) {
        this.store = store;
        this.scopes = scopes;
    }

    /** What drawing a paper needs of a question: which it is, its bank and type, and its options' keys to shuffle. */
    public record Drawable(long id, long bankId, QuestionType type, List<String> optionKeys) {}

    /**
     * The questions of {@link #eligible} as a draw needs them. Every candidate's start of a per-candidate exam draws
     * from the same pool, so this reads no stems or keys, and parses a used version's options once per node: used
     * versions never change (an edit makes a new version), so those keys cannot go stale.
     */
    public List<Drawable> drawable(Collection<Long> bankIds, QuestionType type, @Nullable String category, @Nullable Integer difficulty) {
        return store.activeForDraw(bankIds, type, category, difficulty).stream().map(r -> new Drawable(r.id(), r.bankId(), r.type(),
                r.used() ? usedOptionKeys.get(r.id(), id -> QuestionStore.optionKeys(r.options())) : QuestionStore.optionKeys(r.options())))
                .toList();
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
