package cn.arena.bank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * How one question type behaves (Moodle's question-type idea), as every module that shows or marks questions sees it:
 * the shape of a candidate's response, how it is marked, and how its values read in the keys a candidate was shown.
 * Responses here use the question's own option keys; translate a candidate's shuffled keys with {@link DisplayKeys}
 * first. For one item: {@code keys.toOriginal(value)} maps a candidate's value to the question's keys (empty: a key
 * that was not shown), {@link #checkResponse} validates its shape, {@link #mark} marks it, and {@code keys.toDisplay},
 * {@code keys.key}, {@code keys.correctAnswer} map back. A new type is one {@link AuthoredKind} (which adds the bank's
 * authoring rules) registered in {@code QuestionKinds}, plus one renderer in {@code static/js/exam-sitting.js}.
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

    /** A value in the question's own keys under the keys the candidate was shown; types without options keep it. */
    default JsonNode toDisplay(JsonNode value, DisplayKeys keys) {
        return value;
    }

    /** A value in the keys shown in the question's own keys, or empty when it names a key that was not shown. */
    default Optional<JsonNode> toOriginal(JsonNode value, DisplayKeys keys) {
        return Optional.of(value);
    }

    /** The key as results show it beside the candidate's answer: by default the whole key in the keys shown. */
    default JsonNode correctAnswer(Question question, DisplayKeys keys) {
        return toDisplay(question.answer(), keys);
    }

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

    static final Map<QuestionType, AuthoredKind> BY_TYPE = Map.of(
            QuestionType.SINGLE_CHOICE, new SingleChoice(),
            QuestionType.MULTIPLE_CHOICE, new MultipleChoice(),
            QuestionType.TRUE_FALSE, new TrueFalse(),
            QuestionType.FILL_BLANK, new FillBlank(),
            QuestionType.SHORT_ANSWER, new WrittenAnswer(QuestionType.SHORT_ANSWER, List.of("简答题", "简答")),
            QuestionType.ESSAY, new WrittenAnswer(QuestionType.ESSAY, List.of("论述题", "论述")));

    private QuestionKinds() {}
}
