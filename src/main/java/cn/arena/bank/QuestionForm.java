package cn.arena.bank;

import cn.arena.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The question form of the bank pages: options A–H as eight text boxes and one answer input per type (a radio for
 * single choice, check boxes for multiple choice, 正确/错误 for true/false, one blank per line with alternatives
 * separated by | for fill-in-the-blank, a text for written answers). Only the answer input of the chosen type counts.
 */
record QuestionForm(
        @Nullable String type,
        @Nullable String stem,
        @Nullable List<String> options,
        @Nullable String answerChoice,
        @Nullable List<String> answerChoices,
        @Nullable String answerTrueFalse,
        @Nullable String answerBlanks,
        @Nullable String answerText,
        @Nullable String analysis,
        @Nullable String category,
        @Nullable String difficulty,
        @Nullable String points,
        @Nullable String keywords) {

    /** The answer inputs, one per type; the chosen type's {@link AuthoredKind} reads and fills its own. */
    record Answer(@Nullable String choice, List<String> choices, @Nullable String trueFalse, String blanks, String text) {}

    static QuestionForm empty() {
        return new QuestionForm("SINGLE_CHOICE", "", blankOptions(), null, List.of(), null, "", "", "", "", "3", "1", "");
    }

    static QuestionForm of(Question q) {
        List<String> texts = blankOptions();
        q.options().forEach(o -> texts.set(QuestionSheet.OPTION_KEYS.indexOf(o.key()), o.text()));
        Answer a = AuthoredKind.of(q.type()).toForm(q.answer());
        return new QuestionForm(q.type().name(), q.stem(), texts, a.choice(), a.choices(), a.trueFalse(), a.blanks(), a.text(),
                q.analysis(), q.category(), Integer.toString(q.difficulty()), q.points().toPlainString(),
                AnswerNotation.writeKeywords(q.keywords()));
    }

    /** The draft the form describes; words it cannot read (a bad number, say) leave the value out for check() to name. */
    QuestionDraft toDraft() {
        QuestionType chosen = type == null || type.isBlank() ? null : AnswerNotation.type(type).value();
        List<Option> opts = new ArrayList<>();
        List<String> texts = options == null ? List.of() : options;
        for (int i = 0; i < texts.size() && i < QuestionSheet.OPTION_KEYS.size(); i++) {
            if (texts.get(i) != null && !texts.get(i).isBlank()) {
                opts.add(new Option(QuestionSheet.OPTION_KEYS.get(i), texts.get(i)));
            }
        }
        return new QuestionDraft(chosen, stem, opts, chosen == null ? null : answer(chosen), analysis, category,
                AnswerNotation.difficulty(text(difficulty)).value(), AnswerNotation.points(text(points)).value(),
                AnswerNotation.keywords(text(keywords)));
    }

    /** Problems of the form's own notations, which {@link QuestionDraft#check()} cannot see because the value was unreadable. */
    List<Violation> unreadable() {
        List<Violation> problems = new ArrayList<>();
        String d = AnswerNotation.difficulty(text(difficulty)).problem();
        if (d != null) {
            problems.add(Violation.field("difficulty", d));
        }
        String p = AnswerNotation.points(text(points)).problem();
        if (p != null) {
            problems.add(Violation.field("points", p));
        }
        return problems;
    }

    private @Nullable JsonNode answer(QuestionType chosen) {
        return AuthoredKind.of(chosen).fromForm(new Answer(answerChoice, answerChoices == null ? List.of() : answerChoices,
                answerTrueFalse, text(answerBlanks), text(answerText)));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static List<String> blankOptions() {
        return new ArrayList<>(java.util.Collections.nCopies(QuestionSheet.OPTION_KEYS.size(), ""));
    }
}
