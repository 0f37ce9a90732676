package cn.arena.practice;

import cn.arena.account.CurrentUser;
import cn.arena.bank.Mark;
import cn.arena.bank.MultipleChoiceScoring;
import cn.arena.bank.Question;
import cn.arena.bank.QuestionCatalog;
import cn.arena.bank.QuestionKind;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
 * Daily study (日日学): a member's set of the day, the same all day, drawn once; each item answered once, its key and
 * analysis shown right after; a day counts as studied when all its items are answered. A wrong answer puts the
 * question into the wrong-answer book at once. Options keep the bank's own keys here, so the key shown is the bank's.
 */
@Service
class DailyStudy {

    record Item(int no, Question question, @Nullable JsonNode answer, @Nullable Boolean correct) {}

    record Day(LocalDate date, List<Item> items) {
        boolean done() {
            return !items.isEmpty() && items.stream().allMatch(i -> i.answer() != null);
        }
    }

    record Checked(boolean correct, JsonNode correctAnswer, String analysis) {}

    private final PracticeStore store;
    private final Programmes programmes;
    private final QuestionCatalog catalog;
    private final PracticeCalendar calendar;
    private final Clock clock;

    DailyStudy(PracticeStore store, Programmes programmes, QuestionCatalog catalog, Clock clock) {
        this.store = store;
        this.programmes = programmes;
        this.catalog = catalog;
        this.calendar = new PracticeCalendar(clock.getZone());
        this.clock = clock;
    }

    /** Today's set for the member, drawn on the first call of the day. */
    Day today(CurrentUser user, long programmeId) {
        PracticeStore.ProgrammeRow p = programmes.forMember(user, programmeId);
        LocalDate day = calendar.day(clock.instant());
        List<PracticeStore.DailyItemRow> rows = store.dailyItems(p.id(), user.id(), day);
        if (rows.isEmpty()) {
            List<Long> drawn = DailyDraw.draw(programmes.pool(p), store.metQuestions(p.id(), user.id()), p.rules().daily().questions(),
                    p.id(), user.id(), day);
            store.insertDailySet(p.id(), user.id(), day, drawn);
            rows = store.dailyItems(p.id(), user.id(), day);
        }
        Map<Long, Question> questions = catalog.findAll(rows.stream().map(PracticeStore.DailyItemRow::questionId).toList()).stream()
                .collect(Collectors.toMap(Question::id, Function.identity()));
        List<Item> items = new ArrayList<>();
        for (PracticeStore.DailyItemRow r : rows) {
            items.add(new Item(r.no(), questions.get(r.questionId()), r.answer(), r.correct()));
        }
        return new Day(day, items);
    }

    /** Answers one item of today's set: 404 for no such item, 422 for a value of the wrong shape, 409 when answered before. */
    @Transactional
    Checked answer(CurrentUser user, long programmeId, int no, @Nullable JsonNode value) {
        Day day = today(user, programmeId);
        Item item = day.items().stream().filter(i -> i.no() == no).findFirst().orElseThrow(Refusal::notFound);
        if (item.answer() != null) {
            throw Refusal.conflict("practice.daily.answered");
        }
        boolean correct = check(item.question(), value);
        Instant now = clock.instant();
        if (!store.answerDaily(programmeId, user.id(), day.date(), no, value, correct, now)) {
            throw Refusal.conflict("practice.daily.answered");
        }
        if (!correct) {
            store.addMistake(programmeId, user.id(), item.question().id());
        }
        if (store.dailyItems(programmeId, user.id(), day.date()).stream().allMatch(r -> r.answer() != null)) {
            store.insertStudiedDay(programmeId, user.id(), day.date());
            store.insertActivity(programmeId, user.id(), day.date());
        }
        return new Checked(correct, item.question().answer(), item.question().analysis());
    }

    /**
     * Whether a response is right (full points), refusing (422 on {@code value}) one of the wrong shape. Shared with
     * the wrong-answer book, which marks the same way.
     */
    static boolean check(Question question, @Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            throw Refusal.invalid(Violation.field("value", "practice.answer.required"));
        }
        QuestionKind kind = QuestionKind.of(question.type());
        kind.checkResponse(question, value).ifPresent(problem -> {
            throw Refusal.invalid(Violation.field("value", problem));
        });
        Mark mark = kind.mark(question, value, BigDecimal.ONE, MultipleChoiceScoring.ALL_OR_NOTHING);
        return mark.earned().compareTo(BigDecimal.ONE) >= 0;
    }
}
