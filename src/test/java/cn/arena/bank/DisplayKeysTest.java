package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One item's keys both ways: what a candidate answers with (exam) and how results read (marking). */
class DisplayKeysTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void translatesAShownLetterToTheOriginalKeyAndBack() {
        DisplayKeys keys = new DisplayKeys(QuestionType.SINGLE_CHOICE, List.of("C", "A", "D", "B"));
        assertThat(keys.toOriginal(json("\"A\""))).contains(json("\"C\""));
        assertThat(keys.toOriginal(json("\"D\""))).contains(json("\"B\""));
        assertThat(keys.toDisplay(json("\"C\""))).isEqualTo(json("\"A\""));
    }

    @Test
    void translatesEveryKeyOfAMultipleChoice() {
        DisplayKeys keys = new DisplayKeys(QuestionType.MULTIPLE_CHOICE, List.of("B", "C", "A"));
        assertThat(keys.toOriginal(json("[\"A\",\"C\"]"))).contains(json("[\"B\",\"A\"]"));
        assertThat(keys.toDisplay(json("[\"B\",\"A\"]"))).isEqualTo(json("[\"A\",\"C\"]"));
    }

    @Test
    void refusesALetterThatWasNotShown() {
        DisplayKeys keys = new DisplayKeys(QuestionType.MULTIPLE_CHOICE, List.of("A", "B", "C"));
        assertThat(keys.toOriginal(json("[\"A\",\"D\"]"))).isEmpty();
        assertThat(new DisplayKeys(QuestionType.SINGLE_CHOICE, List.of("A", "B")).toOriginal(json("\"AB\""))).isEmpty();
    }

    @Test
    void leavesOtherShapesForTheQuestionKindToJudge() {
        DisplayKeys keys = new DisplayKeys(QuestionType.SINGLE_CHOICE, List.of("A", "B"));
        assertThat(keys.toOriginal(json("true"))).contains(json("true"));
        DisplayKeys blank = new DisplayKeys(QuestionType.FILL_BLANK, List.of());
        assertThat(blank.toOriginal(json("[\"一网通办\",\"跨省通办\"]"))).contains(json("[\"一网通办\",\"跨省通办\"]"));
        assertThat(new DisplayKeys(QuestionType.TRUE_FALSE, List.of()).toOriginal(json("false"))).contains(json("false"));
    }

    // --- as results show an answer and the key


    // The candidate saw the question's C first, then A, D, B.
    private final List<String> shownOrder = List.of("C", "A", "D", "B");

    private static Question question(QuestionType type, String answer) {
        return new Question(1, 1, type, "题干", List.of(new Option("A", "数据共享"), new Option("B", "多头跑"),
                new Option("C", "一次办"), new Option("D", "就近办")), json(answer), "解析", "", 3, BigDecimal.TEN, List.of());
    }

    @Test
    void translatesASingleChoiceIntoTheLetterTheCandidateSaw() {
        assertThat(new DisplayKeys(QuestionType.SINGLE_CHOICE, shownOrder).toDisplay(json("\"C\""))).isEqualTo(json("\"A\""));
        assertThat(new DisplayKeys(QuestionType.SINGLE_CHOICE, shownOrder).toDisplay(json("\"B\""))).isEqualTo(json("\"D\""));
    }

    @Test
    void translatesAMultipleChoiceAndSortsTheShownLetters() {
        assertThat(new DisplayKeys(QuestionType.MULTIPLE_CHOICE, shownOrder).toDisplay(json("[\"B\",\"A\"]"))).isEqualTo(json("[\"B\",\"D\"]"));
    }

    @Test
    void leavesAnUnansweredItemEmpty() {
        assertThat(new DisplayKeys(QuestionType.SINGLE_CHOICE, shownOrder).answer(null)).isNull();
    }

    @Test
    void givesTheCorrectAnswerInShownKeys() {
        assertThat(new DisplayKeys(QuestionType.MULTIPLE_CHOICE, shownOrder).correctAnswer(question(QuestionType.MULTIPLE_CHOICE, "[\"A\",\"C\"]"))).isEqualTo(json("[\"A\",\"B\"]"));
        assertThat(new DisplayKeys(QuestionType.TRUE_FALSE, shownOrder).correctAnswer(question(QuestionType.TRUE_FALSE, "false"))).isEqualTo(json("false"));
    }

    @Test
    void givesTheFirstAcceptedAlternativeOfEachBlank() {
        var fill = question(QuestionType.FILL_BLANK, "[[\"一网通办\",\"一网办\"],[\"跨省通办\"]]");
        assertThat(new DisplayKeys(QuestionType.FILL_BLANK, List.of()).correctAnswer(fill)).isEqualTo(json("[\"一网通办\",\"跨省通办\"]"));
    }

    @Test
    void listsTheOptionsInTheOrderShownUnderTheShownKeys() {
        assertThat(new DisplayKeys(QuestionType.SINGLE_CHOICE, shownOrder).options(question(QuestionType.SINGLE_CHOICE, "\"C\""))).containsExactly(
                new Option("A", "一次办"), new Option("B", "数据共享"), new Option("C", "就近办"), new Option("D", "多头跑"));
    }
}
