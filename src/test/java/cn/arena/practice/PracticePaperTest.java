package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.bank.QuestionType;
import cn.arena.paper.Section;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PracticePaperTest {

    @Test
    void spreadsTheQuestionsOverTheTypesAsFarAsEachLastsWorth100PointsInAll() {
        Map<QuestionType, Integer> supply = new LinkedHashMap<>();
        supply.put(QuestionType.SINGLE_CHOICE, 100);
        supply.put(QuestionType.MULTIPLE_CHOICE, 2);
        supply.put(QuestionType.TRUE_FALSE, 100);
        supply.put(QuestionType.FILL_BLANK, 0);
        var sections = PracticePaper.sections(supply, 20);
        assertThat(sections).extracting(Section::type, Section::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(QuestionType.SINGLE_CHOICE, 9),
                org.assertj.core.groups.Tuple.tuple(QuestionType.MULTIPLE_CHOICE, 2),
                org.assertj.core.groups.Tuple.tuple(QuestionType.TRUE_FALSE, 9));
        assertThat(sections).allMatch(s -> s.pointsEach().compareTo(new BigDecimal("5")) == 0);
    }

    @Test
    void banksWithTooFewQuestionsGiveAShorterPaperAndNoneGiveNone() {
        assertThat(PracticePaper.sections(Map.of(QuestionType.TRUE_FALSE, 4), 50)).singleElement()
                .satisfies(s -> assertThat(s.count()).isEqualTo(4))
                .satisfies(s -> assertThat(s.pointsEach()).isEqualByComparingTo("25"));
        assertThat(PracticePaper.sections(Map.of(QuestionType.TRUE_FALSE, 0), 50)).isEmpty();
    }
}
