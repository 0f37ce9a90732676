package cn.arena.bank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * How one question type behaves (Moodle's question-type idea): the shape of a candidate's response and how it is
 * marked. A new type is one more implementation plus its tests. Responses here use the question's own option keys;
 * an exam translates a candidate's shuffled keys before calling.
 */
public interface QuestionKind {

    QuestionType type();

    /**
     * Why the value cannot be a response to this question (a message key), or empty when it can. {@code null} and
     * JSON null (clearing the answer) are handled by the caller and never reach here.
     */
    Optional<String> checkResponse(Question question, JsonNode value);

    /** Marks a response of the right shape. {@code points} is what the item is worth in this exam. */
    Mark mark(Question question, JsonNode response, BigDecimal points, MultipleChoiceScoring scoring);

    /** The strategy for a type. */
    static QuestionKind of(QuestionType type) {
        return QuestionKinds.BY_TYPE.get(type);
    }

    /** Points rounded as scores are kept: two decimals, half up. */
    static BigDecimal score(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}

/** The registry of the six shipped kinds. */
final class QuestionKinds {

    static final Map<QuestionType, QuestionKind> BY_TYPE = Map.of(
            QuestionType.SINGLE_CHOICE, new SingleChoice(),
            QuestionType.MULTIPLE_CHOICE, new MultipleChoice(),
            QuestionType.TRUE_FALSE, new TrueFalse(),
            QuestionType.FILL_BLANK, new FillBlank(),
            QuestionType.SHORT_ANSWER, new WrittenAnswer(QuestionType.SHORT_ANSWER),
            QuestionType.ESSAY, new WrittenAnswer(QuestionType.ESSAY));

    private QuestionKinds() {}
}
