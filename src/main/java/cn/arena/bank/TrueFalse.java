package cn.arena.bank;

import cn.arena.shared.Messages;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** 判断题: true or false. */
final class TrueFalse extends AuthoredKind {

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

    @Override
    List<String> names() {
        return List.of("判断题", "判断");
    }

    @Override
    void checkKey(QuestionDraft draft, JsonNode key, List<Violation> problems) {
        if (!key.isBoolean()) {
            problems.add(Violation.field("answer", "question.answer.trueFalse"));
        }
    }

    @Override
    AnswerNotation.Read<JsonNode> readCell(String cell) {
        return AnswerNotation.truth(cell);
    }

    @Override
    String writeCell(JsonNode key) {
        return key.asBoolean() ? "正确" : "错误";
    }

    @Override
    String describe(JsonNode key, Messages messages) {
        return messages.get(key.asBoolean() ? "bank.answer.true" : "bank.answer.false");
    }

    @Override
    @Nullable JsonNode fromForm(QuestionForm.Answer inputs) {
        return filled(inputs.trueFalse()) ? NODES.booleanNode(Boolean.parseBoolean(inputs.trueFalse())) : null;
    }

    @Override
    QuestionForm.Answer toForm(JsonNode key) {
        return new QuestionForm.Answer(null, List.of(), Boolean.toString(key.asBoolean()), "", "");
    }
}
