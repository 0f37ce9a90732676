package cn.arena.bank;

import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** 单选题: one key; full points when it is the correct one. */
final class SingleChoice implements QuestionKind {

    @Override
    public QuestionType type() {
        return QuestionType.SINGLE_CHOICE;
    }

    @Override
    public Optional<String> checkResponse(Question question, JsonNode value) {
        if (!value.isString()) {
            return Optional.of("response.singleChoice.shape");
        }
        return question.hasOption(value.asString()) ? Optional.empty() : Optional.of("response.unknownKey");
    }

    @Override
    public Mark mark(Question question, JsonNode response, BigDecimal points, MultipleChoiceScoring scoring) {
        boolean right = response.isString() && response.asString().equals(question.answer().asString());
        return Mark.of(QuestionKind.score(right ? points : BigDecimal.ZERO));
    }
}
