package cn.arena.practice;

import cn.arena.account.CurrentUser;
import cn.arena.bank.Question;
import cn.arena.bank.QuestionCatalog;
import cn.arena.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * A member's wrong-answer book (错题本): every question answered wrong in daily study (at once) or in a released weekly
 * practice or monthly contest, with its key and analysis; practised again there, two right answers in a row clear it.
 */
@Service
class MistakeBook {

    record Entry(Question question, int wrongCount) {}

    record Practised(boolean correct, JsonNode correctAnswer, boolean cleared) {}

    private final PracticeStore store;
    private final Programmes programmes;
    private final QuestionCatalog catalog;

    MistakeBook(PracticeStore store, Programmes programmes, QuestionCatalog catalog) {
        this.store = store;
        this.programmes = programmes;
        this.catalog = catalog;
    }

    List<Entry> entries(CurrentUser user, long programmeId) {
        PracticeStore.ProgrammeRow p = programmes.forMember(user, programmeId);
        List<PracticeStore.MistakeRow> rows = store.mistakes(p.id(), user.id());
        Map<Long, Question> questions = catalog.findAll(rows.stream().map(PracticeStore.MistakeRow::questionId).toList()).stream()
                .collect(Collectors.toMap(Question::id, Function.identity()));
        List<Entry> entries = new ArrayList<>();
        rows.forEach(r -> {
            Question q = questions.get(r.questionId());
            if (q != null) {
                entries.add(new Entry(q, r.entry().wrongCount()));
            }
        });
        return entries;
    }

    /** Practises one question of the book: 404 when it is not (or no longer) there, 422 for a value of the wrong shape. */
    @Transactional
    Practised answer(CurrentUser user, long programmeId, long questionId, @Nullable JsonNode value) {
        PracticeStore.ProgrammeRow p = programmes.forMember(user, programmeId);
        MistakeEntry entry = store.mistake(p.id(), user.id(), questionId).orElseThrow(Refusal::notFound);
        Question question = catalog.find(questionId).orElseThrow(Refusal::notFound);
        boolean correct = DailyStudy.check(question, value);
        MistakeEntry after = entry.answered(correct);
        if (after.cleared()) {
            store.deleteMistake(p.id(), user.id(), questionId);
        } else {
            store.saveMistake(p.id(), user.id(), questionId, after);
        }
        return new Practised(correct, question.answer(), after.cleared());
    }
}
