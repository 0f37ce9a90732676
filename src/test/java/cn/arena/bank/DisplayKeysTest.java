package cn.arena.exam;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.bank.QuestionType;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
}
