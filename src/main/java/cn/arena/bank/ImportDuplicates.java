package cn.arena.bank;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Rows of an import sheet that a bank already holds: a question is already there when one of the bank's active
 * questions has the same type and the same stem, compared after trimming. Re-importing a file would otherwise add
 * every question a second time.
 */
final class ImportDuplicates {

    /** What to do with such rows: the API keeps them unless told (scripts rely on it), the import page skips them. */
    enum Policy {
        KEEP, SKIP;

        /** {@code keep} or {@code skip}, any case; null for anything else. */
        static @Nullable Policy parse(String text) {
            for (Policy p : values()) {
                if (p.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                    return p;
                }
            }
            return null;
        }
    }

    private record Key(QuestionType type, String stem) {}

    private final Set<Key> existing = new HashSet<>();

    /** {@code bankQuestions}: the bank's active questions. */
    ImportDuplicates(Collection<Question> bankQuestions) {
        bankQuestions.forEach(q -> existing.add(key(q.type(), q.stem())));
    }

    boolean isInBank(QuestionDraft draft) {
        return draft.type() != null && draft.stem() != null && existing.contains(key(draft.type(), draft.stem()));
    }

    /** The rows the bank already holds, in sheet order. */
    List<QuestionSheet.Row> of(List<QuestionSheet.Row> rows) {
        return rows.stream().filter(r -> isInBank(r.draft())).toList();
    }

    private static Key key(QuestionType type, String stem) {
        return new Key(type, stem.strip());
    }
}
