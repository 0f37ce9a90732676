package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnswerNotationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static JsonNode answer(QuestionType type, String cell) {
        var read = AnswerNotation.answer(type, cell);
        assertThat(read.problem()).as(cell).isNull();
        return read.value();
    }

    @Test
    void readsLettersWrittenTogether() {
        assertThat(answer(QuestionType.MULTIPLE_CHOICE, "ABD")).isEqualTo(json("[\"A\",\"B\",\"D\"]"));
    }

    @Test
    void readsLettersSeparatedByCommas() {
        assertThat(answer(QuestionType.MULTIPLE_CHOICE, "A,B,D")).isEqualTo(json("[\"A\",\"B\",\"D\"]"));
        assertThat(answer(QuestionType.MULTIPLE_CHOICE, "A，B，D")).isEqualTo(json("[\"A\",\"B\",\"D\"]"));
    }

    @Test
    void readsLettersSeparatedByEnumerationCommas() {
        assertThat(answer(QuestionType.MULTIPLE_CHOICE, "A、B、D")).isEqualTo(json("[\"A\",\"B\",\"D\"]"));
    }

    @Test
    void readsLettersSeparatedBySpaces() {
        assertThat(answer(QuestionType.MULTIPLE_CHOICE, "A B  D")).isEqualTo(json("[\"A\",\"B\",\"D\"]"));
    }

    @Test
    void readsFullWidthAndLowerCaseLetters() {
        assertThat(answer(QuestionType.MULTIPLE_CHOICE, "ＡＢＤ")).isEqualTo(json("[\"A\",\"B\",\"D\"]"));
        assertThat(answer(QuestionType.SINGLE_CHOICE, "ｃ")).isEqualTo(json("\"C\""));
        assertThat(answer(QuestionType.SINGLE_CHOICE, "b")).isEqualTo(json("\"B\""));
    }

    @Test
    void keepsSeveralLettersOfASingleChoiceTogetherForTheDraftToRefuse() {
        assertThat(answer(QuestionType.SINGLE_CHOICE, "A,B")).isEqualTo(json("\"AB\""));
    }

    @Test
    void refusesAChoiceAnswerThatIsNotLetters() {
        assertThat(AnswerNotation.answer(QuestionType.SINGLE_CHOICE, "第二项").problem()).isEqualTo("bank.import.answer.letters");
        assertThat(AnswerNotation.answer(QuestionType.MULTIPLE_CHOICE, "A1").problem()).isEqualTo("bank.import.answer.letters");
    }

    @Test
    void readsTrueFalseAsZhengQueAndCuoWu() {
        assertThat(answer(QuestionType.TRUE_FALSE, "正确")).isEqualTo(json("true"));
        assertThat(answer(QuestionType.TRUE_FALSE, "错误")).isEqualTo(json("false"));
    }

    @Test
    void readsTrueFalseAsDuiAndCuo() {
        assertThat(answer(QuestionType.TRUE_FALSE, "对")).isEqualTo(json("true"));
        assertThat(answer(QuestionType.TRUE_FALSE, "错")).isEqualTo(json("false"));
    }

    @Test
    void readsTrueFalseAsTickAndCross() {
        assertThat(answer(QuestionType.TRUE_FALSE, "√")).isEqualTo(json("true"));
        assertThat(answer(QuestionType.TRUE_FALSE, "×")).isEqualTo(json("false"));
    }

    @Test
    void readsTrueFalseAsShiAndFou() {
        assertThat(answer(QuestionType.TRUE_FALSE, "是")).isEqualTo(json("true"));
        assertThat(answer(QuestionType.TRUE_FALSE, "否")).isEqualTo(json("false"));
    }

    @Test
    void readsTrueFalseAsTAndF() {
        assertThat(answer(QuestionType.TRUE_FALSE, "T")).isEqualTo(json("true"));
        assertThat(answer(QuestionType.TRUE_FALSE, "f")).isEqualTo(json("false"));
        assertThat(answer(QuestionType.TRUE_FALSE, "Ｔ")).isEqualTo(json("true"));
    }

    @Test
    void readsTrueFalseAsTrueAndFalseInAnyCase() {
        assertThat(answer(QuestionType.TRUE_FALSE, "TRUE")).isEqualTo(json("true"));
        assertThat(answer(QuestionType.TRUE_FALSE, "false")).isEqualTo(json("false"));
    }

    @Test
    void refusesAnUnknownTrueFalseWord() {
        assertThat(AnswerNotation.answer(QuestionType.TRUE_FALSE, "也许").problem()).isEqualTo("bank.import.answer.trueFalse");
    }

    @Test
    void readsBlanksSeparatedBySemicolons() {
        assertThat(answer(QuestionType.FILL_BLANK, "一网通办;跨省通办")).isEqualTo(json("[[\"一网通办\"],[\"跨省通办\"]]"));
    }

    @Test
    void readsBlanksSeparatedByFullWidthSemicolons() {
        assertThat(answer(QuestionType.FILL_BLANK, "一网通办；跨省通办")).isEqualTo(json("[[\"一网通办\"],[\"跨省通办\"]]"));
    }

    @Test
    void readsBlanksSeparatedByNewLines() {
        assertThat(answer(QuestionType.FILL_BLANK, "一网通办\r\n跨省通办\n一次办")).isEqualTo(json("[[\"一网通办\"],[\"跨省通办\"],[\"一次办\"]]"));
    }

    @Test
    void readsAlternativesSeparatedByBars() {
        assertThat(answer(QuestionType.FILL_BLANK, "跨省通办|异地通办 ；一次办")).isEqualTo(json("[[\"跨省通办\",\"异地通办\"],[\"一次办\"]]"));
    }

    @Test
    void readsAlternativesSeparatedByFullWidthBars() {
        assertThat(answer(QuestionType.FILL_BLANK, "跨省通办｜异地通办")).isEqualTo(json("[[\"跨省通办\",\"异地通办\"]]"));
    }

    @Test
    void readsAWrittenReferenceAnswerAsItsText() {
        assertThat(answer(QuestionType.ESSAY, "  一、提高站位；二、优化流程。 ")).isEqualTo(json("\"一、提高站位；二、优化流程。\""));
    }

    @Test
    void readsAnEmptyAnswerCellAsNoAnswer() {
        assertThat(AnswerNotation.answer(QuestionType.SINGLE_CHOICE, " ").value()).isNull();
    }

    @Test
    void readsTypeNamesShortNamesAndCodes() {
        assertThat(AnswerNotation.type("单选题").value()).isEqualTo(QuestionType.SINGLE_CHOICE);
        assertThat(AnswerNotation.type("多选").value()).isEqualTo(QuestionType.MULTIPLE_CHOICE);
        assertThat(AnswerNotation.type("判断题").value()).isEqualTo(QuestionType.TRUE_FALSE);
        assertThat(AnswerNotation.type("填空").value()).isEqualTo(QuestionType.FILL_BLANK);
        assertThat(AnswerNotation.type("简答题").value()).isEqualTo(QuestionType.SHORT_ANSWER);
        assertThat(AnswerNotation.type("论述").value()).isEqualTo(QuestionType.ESSAY);
        assertThat(AnswerNotation.type("fill_blank").value()).isEqualTo(QuestionType.FILL_BLANK);
        assertThat(AnswerNotation.type("连线题").problem()).isEqualTo("bank.import.type.unknown");
    }

    @Test
    void readsDifficultyAsNumberOrWord() {
        assertThat(AnswerNotation.difficulty("4").value()).isEqualTo(4);
        assertThat(List.of("易", "较易", "中", "较难", "难").stream().map(w -> AnswerNotation.difficulty(w).value()).toList())
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(AnswerNotation.difficulty("2.5").problem()).isEqualTo("bank.import.difficulty");
        assertThat(AnswerNotation.difficulty("很难").problem()).isEqualTo("bank.import.difficulty");
        assertThat(AnswerNotation.difficulty("").value()).isNull();
    }

    @Test
    void readsPointsAsADecimalNumber() {
        assertThat(AnswerNotation.points("2.5").value()).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(AnswerNotation.points("两分").problem()).isEqualTo("bank.import.points");
    }

    @Test
    void splitsKeywordsAtSemicolonsAndEnumerationCommas() {
        assertThat(AnswerNotation.keywords("一网通办；跨省通办;一次办、 好差评")).containsExactly("一网通办", "跨省通办", "一次办", "好差评");
    }

    @Test
    void readsOneKeywordPerLineWhenTheCellHasSeveralLines() {
        assertThat(AnswerNotation.keywords("男职工63周岁\n女职工55周岁、58周岁")).containsExactly("男职工63周岁", "女职工55周岁、58周岁");
    }

    @Test
    void writesKeywordsSoThatTheyReadBack() {
        for (List<String> keywords : List.<List<String>>of(List.of("一网通办", "跨省通办"), List.of("女职工55周岁、58周岁", "自愿;弹性"), List.of())) {
            assertThat(AnswerNotation.keywords(AnswerNotation.writeKeywords(keywords))).isEqualTo(keywords);
        }
    }

    @Test
    void writesEveryAnswerInANotationThatReadsBack() {
        List<String> answers = List.of("\"B\"", "[\"A\",\"C\"]", "true", "false", "[[\"一网通办\",\"一网办\"],[\"跨省通办\"]]",
                "[[\"a;b\"],[\"c\"]]", "\"参考答案\"");
        List<QuestionType> types = List.of(QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.TRUE_FALSE,
                QuestionType.TRUE_FALSE, QuestionType.FILL_BLANK, QuestionType.FILL_BLANK, QuestionType.SHORT_ANSWER);
        for (int i = 0; i < answers.size(); i++) {
            JsonNode original = json(answers.get(i));
            String written = AnswerNotation.write(types.get(i), original);
            assertThat(answer(types.get(i), written)).as(written).isEqualTo(original);
        }
    }
}
