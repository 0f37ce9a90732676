package cn.arena.bank;

import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** 判断题: true or false. */
final class TrueFalse implements QuestionKind {

    @Override
    public QuestionType type() {
        return QuestionType.TRUE_FALSE;
    }

    @Override
    public Optional<String> checkResponse(Question question, JsonNode value) {
        return value.isBoolean() ? Optional.empty() : Optional.of("response.trueFalse.shape");
    }

    @Override
    public Mark mark(Question question, JsonNode response, BigDecimal points, MultipleChoiceScoring scoring) {
        boolean right = response.isBoolean() && response.asBoolean() == question.answer().asBoolean();
        return Mark.of(QuestionKind.score(right ? points : BigDecimal.ZERO));
    }
}
