package cn.arena.bank;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** 多选题: a set of keys, marked all-or-nothing or with half points for a correct subset, as the exam says. */
final class MultipleChoice implements QuestionKind {

    @Override
    public QuestionType type() {
        return QuestionType.MULTIPLE_CHOICE;
    }

    @Override
    public Optional<String> checkResponse(Question question, JsonNode value) {
        if (!value.isArray()) {
            return Optional.of("response.multipleChoice.shape");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode key : value) {
            if (!key.isString() || !seen.add(key.asString())) {
                return Optional.of("response.multipleChoice.shape");
            }
            if (!question.hasOption(key.asString())) {
                return Optional.of("response.unknownKey");
            }
        }
        return Optional.empty();
    }

    @Override
    public Mark mark(Question question, JsonNode response, BigDecimal points, MultipleChoiceScoring scoring) {
        Set<String> chosen = keys(response);
        Set<String> correct = keys(question.answer());
        BigDecimal earned;
        if (chosen.equals(correct)) {
            earned = points;
        } else if (scoring == MultipleChoiceScoring.PARTIAL && !chosen.isEmpty() && correct.containsAll(chosen)) {
            earned = points.divide(BigDecimal.valueOf(2));
        } else {
            earned = BigDecimal.ZERO;
        }
        return Mark.of(QuestionKind.score(earned));
    }

    private static Set<String> keys(JsonNode array) {
        Set<String> keys = new HashSet<>();
        if (array.isArray()) {
            array.forEach(k -> keys.add(k.asString()));
        }
        return keys;
    }
}
