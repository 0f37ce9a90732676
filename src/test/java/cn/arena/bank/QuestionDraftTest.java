package cn.arena.bank;

import static cn.arena.bank.Questions.abcd;
import static cn.arena.bank.Questions.draft;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionDraftTest {

    private static List<String> problems(QuestionDraft draft) {
        return draft.check().stream().map(v -> v.field() + ":" + v.messageKey()).toList();
    }

    @Test
    void acceptsAWellFormedQuestionOfEachType() {
        assertThat(problems(draft(QuestionType.SINGLE_CHOICE, "核心是（ ）", abcd(), "\"A\""))).isEmpty();
        assertThat(problems(draft(QuestionType.MULTIPLE_CHOICE, "包括（ ）", abcd(), "[\"A\",\"D\"]"))).isEmpty();
        assertThat(problems(draft(QuestionType.TRUE_FALSE, "对吗", null, "true"))).isEmpty();
        assertThat(problems(draft(QuestionType.FILL_BLANK, "长三角（ ）和___", null, "[[\"一网通办\"],[\"跨省通办\",\"异地通办\"]]"))).isEmpty();
        assertThat(problems(draft(QuestionType.SHORT_ANSWER, "简述", null, "\"参考答案\""))).isEmpty();
        assertThat(problems(draft(QuestionType.ESSAY, "论述", null, "\"参考答案\""))).isEmpty();
    }

    @Test
    void requiresATypeAndAStem() {
        assertThat(problems(draft(null, "题干", null, "true"))).containsExactly("type:question.type.required");
        assertThat(problems(draft(QuestionType.TRUE_FALSE, " ", null, "true"))).containsExactly("stem:question.stem.required");
    }

    @Test
    void refusesASingleChoiceAnswerWithSeveralLetters() {
        assertThat(problems(draft(QuestionType.SINGLE_CHOICE, "核心是", abcd(), "\"AB\""))).containsExactly("answer:question.answer.singleChoice");
    }

    @Test
    void refusesAnAnswerLetterWithNoSuchOption() {
        assertThat(problems(draft(QuestionType.SINGLE_CHOICE, "核心是", abcd(), "\"E\""))).containsExactly("answer:question.answer.noSuchOption");
        assertThat(problems(draft(QuestionType.MULTIPLE_CHOICE, "包括", abcd(), "[\"A\",\"F\"]"))).containsExactly("answer:question.answer.noSuchOption");
    }

    @Test
    void refusesRepeatedLettersInAMultipleChoiceAnswer() {
        assertThat(problems(draft(QuestionType.MULTIPLE_CHOICE, "包括", abcd(), "[\"A\",\"A\"]"))).containsExactly("answer:question.answer.multipleChoice");
    }

    @Test
    void refusesChoiceQuestionsWithTooFewOrBadOptions() {
        assertThat(problems(draft(QuestionType.SINGLE_CHOICE, "核心是", List.of(new Option("A", "一")), "\"A\""))).containsExactly("options:question.options.count");
        assertThat(problems(draft(QuestionType.SINGLE_CHOICE, "核心是", List.of(new Option("A", "一"), new Option("I", "九")), "\"A\"")))
                .containsExactly("options:question.options.key");
        assertThat(problems(draft(QuestionType.SINGLE_CHOICE, "核心是", List.of(new Option("A", "一"), new Option("B", " ")), "\"A\"")))
                .containsExactly("options:question.options.text");
    }

    @Test
    void refusesABlankCountThatDoesNotMatchTheStem() {
        List<Violation> found = draft(QuestionType.FILL_BLANK, "只有一个空（ ）", null, "[[\"a\"],[\"b\"]]").check();
        assertThat(found).extracting(Violation::messageKey).containsExactly("question.answer.blankCount");
        assertThat(found.get(0).args()).containsExactly(1, 2);
    }

    @Test
    void countsBlanksWrittenAsParenthesesOrUnderscores() {
        assertThat(FillBlank.blanksIn("（ ）、(  )、（）、___、__、______")).isEqualTo(5);
    }

    @Test
    void refusesTrueFalseAndWrittenAnswersOfTheWrongShape() {
        assertThat(problems(draft(QuestionType.TRUE_FALSE, "对吗", null, "\"对\""))).containsExactly("answer:question.answer.trueFalse");
        assertThat(problems(draft(QuestionType.ESSAY, "论述", null, "\" \""))).containsExactly("answer:question.answer.reference");
        assertThat(problems(draft(QuestionType.ESSAY, "论述", null, null))).containsExactly("answer:question.answer.required");
    }

    @Test
    void refusesDifficultyOutsideOneToFiveAndPointsThatAreNotSensible() {
        var base = draft(QuestionType.TRUE_FALSE, "对吗", null, "true");
        assertThat(problems(new QuestionDraft(base.type(), base.stem(), null, base.answer(), null, null, 6, null, null)))
                .containsExactly("difficulty:question.difficulty.range");
        assertThat(problems(new QuestionDraft(base.type(), base.stem(), null, base.answer(), null, null, null, BigDecimal.ZERO, null)))
                .containsExactly("points:question.points.positive");
        assertThat(problems(new QuestionDraft(base.type(), base.stem(), null, base.answer(), null, null, null, new BigDecimal("1.255"), null)))
                .containsExactly("points:question.points.format");
    }

    @Test
    void keepsEveryTextWithinWhatTheDatabaseAndAnExcelCellHold() {
        String huge = "字".repeat(20_001);
        assertThat(problems(draft(QuestionType.ESSAY, huge, null, "\"参考\""))).containsExactly("stem:question.stem.tooLong");
        assertThat(problems(new QuestionDraft(QuestionType.ESSAY, "论述", null, Questions.JSON.getNodeFactory().stringNode(huge), huge,
                "类".repeat(501), null, null, List.of("词".repeat(101)))))
                .containsExactly("analysis:question.text.tooLong", "category:question.text.tooLong", "keywords:question.keywords.limits",
                        "answer:question.text.tooLong");
        assertThat(problems(draft(QuestionType.SINGLE_CHOICE, "核心是", List.of(new Option("A", "项".repeat(2_001)), new Option("B", "二")), "\"B\"")))
                .containsExactly("options:question.text.tooLong");
    }

    @Test
    void cleansTextsAndOrdersOptionsWhenBecomingAQuestion() {
        var draft = new QuestionDraft(QuestionType.FILL_BLANK, "  长三角（ ） ", null, Questions.json("[[\" 一网通办 \"]]"), null,
                " 政务服务 / 一网通办 / ", null, null, List.of(" 一网通办 ", ""));
        Question q = draft.toQuestion(7);
        assertThat(q.stem()).isEqualTo("长三角（ ）");
        assertThat(q.answer()).isEqualTo(Questions.json("[[\"一网通办\"]]"));
        assertThat(q.category()).isEqualTo("政务服务/一网通办");
        assertThat(q.difficulty()).isEqualTo(3);
        assertThat(q.points()).isEqualByComparingTo("1");
        assertThat(q.keywords()).containsExactly("一网通办");
        Question choice = draft(QuestionType.SINGLE_CHOICE, "核心是", List.of(new Option("B", " 二 "), new Option("A", "一")), "\"A\"").toQuestion(7);
        assertThat(choice.options()).containsExactly(new Option("A", "一"), new Option("B", "二"));
    }
}
