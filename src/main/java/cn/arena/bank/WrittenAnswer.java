package cn.arena.bank;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * 简答题 and 论述题: free text up to 20,000 characters, marked by a grader. The machine only suggests a score from the
 * share of the reference keywords the text contains, as a hint beside the reference answer.
 */
final class WrittenAnswer implements QuestionKind {

    static final int MAX_LENGTH = 20_000;

    private final QuestionType type;

    WrittenAnswer(QuestionType type) {
        this.type = type;
    }

    @Override
    public QuestionType type() {
        return type;
    }

    @Override
    public Optional<String> checkResponse(Question question, JsonNode value) {
        if (!value.isString()) {
            return Optional.of("response.text.shape");
        }
        return value.asString().length() > MAX_LENGTH ? Optional.of("response.tooLong") : Optional.empty();
    }

    @Override
    public Mark mark(Question question, JsonNode response, BigDecimal points, MultipleChoiceScoring scoring) {
        BigDecimal suggested = null;
        if (!question.keywords().isEmpty()) {
            String text = FillBlank.fold(response.isString() ? response.asString() : "");
            long found = question.keywords().stream().filter(k -> text.contains(FillBlank.fold(k).toLowerCase(Locale.ROOT))).count();
            suggested = QuestionKind.score(points.multiply(BigDecimal.valueOf(found))
                    .divide(BigDecimal.valueOf(question.keywords().size()), MathContext.DECIMAL64));
        }
        return new Mark(QuestionKind.score(BigDecimal.ZERO), true, suggested);
    }
}
