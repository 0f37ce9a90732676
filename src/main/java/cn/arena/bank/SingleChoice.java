package cn.arena.bank;

import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/** 单选题: one key; full points when it is the correct one. */
final class SingleChoice extends AuthoredKind {

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

    @Override
    public JsonNode toDisplay(JsonNode value, DisplayKeys keys) {
        return value.isString() ? StringNode.valueOf(keys.shown(value.asString())) : value;
    }

    @Override
    public Optional<JsonNode> toOriginal(JsonNode value, DisplayKeys keys) {
        return value.isString() ? keys.original(value.asString()).map(StringNode::valueOf) : Optional.of(value);
    }

    @Override
    List<String> names() {
        return List.of("单选题", "单选", "单项选择题");
    }

    @Override
    void checkKey(QuestionDraft draft, JsonNode key, List<Violation> problems) {
        if (!key.isString() || key.asString().length() != 1) {
            problems.add(Violation.field("answer", "question.answer.singleChoice"));
        } else if (!draft.hasOption(key.asString())) {
            problems.add(Violation.field("answer", "question.answer.noSuchOption", key.asString()));
        }
    }

    @Override
    AnswerNotation.Read<JsonNode> readCell(String cell) {
        List<String> keys = AnswerNotation.letters(cell).value();
        if (keys == null) {
            return AnswerNotation.Read.bad("bank.import.answer.letters");
        }
        // Several letters stay one string, so the key's rule reports "one letter only".
        return AnswerNotation.Read.of(NODES.stringNode(String.join("", keys)));
    }

    @Override
    String writeCell(JsonNode key) {
        return key.asString();
    }

    @Override
    @Nullable JsonNode fromForm(QuestionForm.Answer inputs) {
        return filled(inputs.choice()) ? NODES.stringNode(inputs.choice()) : null;
    }

    @Override
    QuestionForm.Answer toForm(JsonNode key) {
        return new QuestionForm.Answer(key.asString(), List.of(), null, "", "");
    }
}
