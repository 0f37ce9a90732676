package cn.arena.marking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.bank.Option;
import cn.arena.bank.Question;
import cn.arena.bank.QuestionType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DisplayKeysTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // The candidate saw the question's C first, then A, D, B.
    private final DisplayKeys shown = new DisplayKeys(List.of("C", "A", "D", "B"));

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static Question question(QuestionType type, String answer) {
        return new Question(1, 1, type, "题干", List.of(new Option("A", "数据共享"), new Option("B", "多头跑"),
                new Option("C", "一次办"), new Option("D", "就近办")), json(answer), "解析", "", 3, BigDecimal.TEN, List.of());
    }

    @Test
    void translatesASingleChoiceIntoTheLetterTheCandidateSaw() {
        assertThat(shown.translate(QuestionType.SINGLE_CHOICE, json("\"C\""))).isEqualTo(json("\"A\""));
        assertThat(shown.translate(QuestionType.SINGLE_CHOICE, json("\"B\""))).isEqualTo(json("\"D\""));
    }

    @Test
    void translatesAMultipleChoiceAndSortsTheShownLetters() {
        assertThat(shown.translate(QuestionType.MULTIPLE_CHOICE, json("[\"B\",\"A\"]"))).isEqualTo(json("[\"B\",\"D\"]"));
    }

    @Test
    void leavesAnUnansweredItemEmpty() {
        assertThat(shown.translate(QuestionType.SINGLE_CHOICE, null)).isNull();
    }

    @Test
    void givesTheCorrectAnswerInShownKeys() {
        assertThat(shown.correctAnswer(question(QuestionType.MULTIPLE_CHOICE, "[\"A\",\"C\"]"))).isEqualTo(json("[\"A\",\"B\"]"));
        assertThat(shown.correctAnswer(question(QuestionType.TRUE_FALSE, "false"))).isEqualTo(json("false"));
    }

    @Test
    void givesTheFirstAcceptedAlternativeOfEachBlank() {
        var fill = question(QuestionType.FILL_BLANK, "[[\"一网通办\",\"一网办\"],[\"跨省通办\"]]");
        assertThat(new DisplayKeys(List.of()).correctAnswer(fill)).isEqualTo(json("[\"一网通办\",\"跨省通办\"]"));
    }

    @Test
    void listsTheOptionsInTheOrderShownUnderTheShownKeys() {
        assertThat(shown.options(question(QuestionType.SINGLE_CHOICE, "\"C\""))).containsExactly(
                new Option("A", "一次办"), new Option("B", "数据共享"), new Option("C", "就近办"), new Option("D", "多头跑"));
    }
}
