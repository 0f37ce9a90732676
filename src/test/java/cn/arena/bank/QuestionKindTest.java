package cn.arena.bank;

import static cn.arena.bank.Questions.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuestionKindTest {

    private static final BigDecimal FOUR = new BigDecimal("4");

    private static BigDecimal mark(Question q, String response, MultipleChoiceScoring scoring) {
        return QuestionKind.of(q.type()).mark(q, json(response), FOUR, scoring).earned();
    }

    private static String shapeProblem(Question q, String response) {
        return QuestionKind.of(q.type()).checkResponse(q, json(response)).orElse("ok");
    }

    // --- fill in the blank

    private final Question blanks = Questions.of(QuestionType.FILL_BLANK, "长三角（ ），全国（ ）",
            "[[\"一网通办\",\"一网办\"],[\"ABC跨省通办\"]]");

    @Test
    void foldsFullWidthCharactersCaseAndSpacesBeforeComparingBlanks() {
        assertThat(FillBlank.fold("  ＡＢＣ跨省通办 ")).isEqualTo("abc跨省通办");
        assertThat(FillBlank.fold("一网通办")).isEqualTo("一网通办");
        assertThat(mark(blanks, "[\" 一网通办　\", \"ａｂｃ跨省通办\"]", MultipleChoiceScoring.ALL_OR_NOTHING)).isEqualByComparingTo("4");
    }

    @Test
    void acceptsAnyAlternativeOfABlank() {
        assertThat(mark(blanks, "[\"一网办\", \"abc跨省通办\"]", MultipleChoiceScoring.ALL_OR_NOTHING)).isEqualByComparingTo("4");
    }

    @Test
    void earnsPointsInProportionToTheCorrectBlanks() {
        assertThat(mark(blanks, "[\"一网通办\", \"跨省办\"]", MultipleChoiceScoring.ALL_OR_NOTHING)).isEqualByComparingTo("2");
        assertThat(mark(blanks, "[\"\", null]", MultipleChoiceScoring.ALL_OR_NOTHING)).isEqualByComparingTo("0");
        Question three = Questions.of(QuestionType.FILL_BLANK, "___、___、___", "[[\"一\"],[\"二\"],[\"三\"]]");
        assertThat(QuestionKind.of(QuestionType.FILL_BLANK).mark(three, json("[\"一\",\"二\",\"x\"]"), BigDecimal.ONE,
                MultipleChoiceScoring.ALL_OR_NOTHING).earned()).isEqualByComparingTo("0.67");
    }

    @Test
    void fillBlankResponseIsOneTextPerBlank() {
        assertThat(shapeProblem(blanks, "[\"a\", \"b\"]")).isEqualTo("ok");
        assertThat(shapeProblem(blanks, "[\"a\"]")).isEqualTo("response.fillBlank.shape");
        assertThat(shapeProblem(blanks, "\"a\"")).isEqualTo("response.fillBlank.shape");
        assertThat(shapeProblem(blanks, "[\"a\", 3]")).isEqualTo("response.fillBlank.shape");
    }

    // --- multiple choice

    private final Question multiple = Questions.of(QuestionType.MULTIPLE_CHOICE, "属于“一窗受理”改革举措的有（ ）", "[\"A\",\"C\",\"D\"]");

    @Test
    void allOrNothingGivesFullPointsOnlyForExactlyTheCorrectSet() {
        assertThat(mark(multiple, "[\"D\",\"A\",\"C\"]", MultipleChoiceScoring.ALL_OR_NOTHING)).isEqualByComparingTo("4");
        assertThat(mark(multiple, "[\"A\",\"C\"]", MultipleChoiceScoring.ALL_OR_NOTHING)).isEqualByComparingTo("0");
        assertThat(mark(multiple, "[\"A\",\"B\",\"C\",\"D\"]", MultipleChoiceScoring.ALL_OR_NOTHING)).isEqualByComparingTo("0");
    }

    @Test
    void partialGivesHalfForACorrectNonEmptySubset() {
        assertThat(mark(multiple, "[\"A\",\"C\",\"D\"]", MultipleChoiceScoring.PARTIAL)).isEqualByComparingTo("4");
        assertThat(mark(multiple, "[\"A\"]", MultipleChoiceScoring.PARTIAL)).isEqualByComparingTo("2");
        assertThat(mark(multiple, "[\"C\",\"D\"]", MultipleChoiceScoring.PARTIAL)).isEqualByComparingTo("2");
    }

    @Test
    void partialGivesNothingForAnyWrongChoiceOrNone() {
        assertThat(mark(multiple, "[\"A\",\"B\"]", MultipleChoiceScoring.PARTIAL)).isEqualByComparingTo("0");
        assertThat(mark(multiple, "[]", MultipleChoiceScoring.PARTIAL)).isEqualByComparingTo("0");
    }

    @Test
    void multipleChoiceResponseIsDistinctKnownKeys() {
        assertThat(shapeProblem(multiple, "[\"A\",\"B\"]")).isEqualTo("ok");
        assertThat(shapeProblem(multiple, "[\"A\",\"A\"]")).isEqualTo("response.multipleChoice.shape");
        assertThat(shapeProblem(multiple, "\"A\"")).isEqualTo("response.multipleChoice.shape");
        assertThat(shapeProblem(multiple, "[\"E\"]")).isEqualTo("response.unknownKey");
    }

    // --- single choice, true/false, written answers

    @Test
    void singleChoiceResponseIsOneKnownKeyAndMarksExactly() {
        Question single = Questions.of(QuestionType.SINGLE_CHOICE, "“一网通办”的核心是（ ）", "\"A\"");
        assertThat(shapeProblem(single, "\"B\"")).isEqualTo("ok");
        assertThat(shapeProblem(single, "[\"B\"]")).isEqualTo("response.singleChoice.shape");
        assertThat(shapeProblem(single, "\"Z\"")).isEqualTo("response.unknownKey");
        assertThat(mark(single, "\"A\"", MultipleChoiceScoring.ALL_OR_NOTHING)).isEqualByComparingTo("4");
        assertThat(mark(single, "\"B\"", MultipleChoiceScoring.ALL_OR_NOTHING)).isEqualByComparingTo("0");
    }

    @Test
    void trueFalseResponseIsABoolean() {
        Question tf = Questions.of(QuestionType.TRUE_FALSE, "“跨省通办”只适用于长三角地区。", "false");
        assertThat(shapeProblem(tf, "true")).isEqualTo("ok");
        assertThat(shapeProblem(tf, "\"false\"")).isEqualTo("response.trueFalse.shape");
        assertThat(mark(tf, "false", MultipleChoiceScoring.ALL_OR_NOTHING)).isEqualByComparingTo("4");
        assertThat(mark(tf, "true", MultipleChoiceScoring.ALL_OR_NOTHING)).isEqualByComparingTo("0");
    }

    @Test
    void writtenResponseIsTextOfAtMostTwentyThousandCharactersAndGoesToAGrader() {
        Question essay = new Question(1, 1, QuestionType.ESSAY, "论述优化营商环境的意义", java.util.List.of(), json("\"参考\""), "", "", 3,
                BigDecimal.TEN, java.util.List.of("营商环境", "放管服"));
        assertThat(shapeProblem(essay, "\"答案\"")).isEqualTo("ok");
        assertThat(shapeProblem(essay, "42")).isEqualTo("response.text.shape");
        assertThat(QuestionKind.of(QuestionType.ESSAY).checkResponse(essay, Questions.JSON.getNodeFactory().stringNode("字".repeat(20_001))))
                .contains("response.tooLong");
        Mark mark = QuestionKind.of(QuestionType.ESSAY).mark(essay, json("\"深化放管服改革\""), BigDecimal.TEN, MultipleChoiceScoring.PARTIAL);
        assertThat(mark.needsGrader()).isTrue();
        assertThat(mark.earned()).isEqualByComparingTo("0");
        assertThat(mark.suggested()).isEqualByComparingTo("5");
    }
}
