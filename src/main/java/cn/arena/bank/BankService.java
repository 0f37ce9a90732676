package cn.arena.bank;

import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Banks and their questions for the people who write them (organizers within their scope). */
@Service
class BankService {

    private final QuestionStore store;
    private final Scopes scopes;
    private final Clock clock;

    BankService(QuestionStore store, Scopes scopes, Clock clock) {
        this.store = store;
        this.scopes = scopes;
        this.clock = clock;
    }

    @Transactional
    long createBank(CurrentUser user, String name) {
        if (name.isBlank()) {
            throw Refusal.invalid(Violation.field("name", "bank.name.required"));
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
        List<Violation> problems = draft.check();
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return store.insert(draft.toQuestion(bankId), null, clock.instant());
    }
}
