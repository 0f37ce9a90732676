package cn.arena.bank;

import cn.arena.shared.Messages;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.StringNode;

/** 多选题: a set of keys, marked all-or-nothing or with half points for a correct subset, as the exam says. */
final class MultipleChoice extends AuthoredKind {

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

    /** The keys shown, sorted: a set of choices reads A, C whatever order it was given in. */
    @Override
    public JsonNode toDisplay(JsonNode value, DisplayKeys keys) {
        if (value.isString()) {
            return StringNode.valueOf(keys.shown(value.asString()));
        }
        if (!value.isArray() || !value.valueStream().allMatch(JsonNode::isString)) {
            return value;
        }
        ArrayNode shown = JsonNodeFactory.instance.arrayNode();
        value.valueStream().map(k -> keys.shown(k.asString())).sorted().forEach(shown::add);
        return shown;
    }

    @Override
    public Optional<JsonNode> toOriginal(JsonNode value, DisplayKeys keys) {
        if (value.isString()) {
            return keys.original(value.asString()).map(StringNode::valueOf);
        }
        if (!value.isArray()) {
            return Optional.of(value);
        }
        ArrayNode original = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : value) {
            if (!element.isString()) {
                original.add(element);
                continue;
            }
            Optional<String> key = keys.original(element.asString());
            if (key.isEmpty()) {
                return Optional.empty();
            }
            original.add(key.get());
        }
        return Optional.of(original);
    }

    @Override
    List<String> names() {
        return List.of("多选题", "多选", "多项选择题");
    }

    @Override
    void checkKey(QuestionDraft draft, JsonNode key, List<Violation> problems) {
        if (!key.isArray() || key.isEmpty()) {
            problems.add(Violation.field("answer", "question.answer.multipleChoice"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode k : key) {
            if (!k.isString() || !seen.add(k.asString())) {
                problems.add(Violation.field("answer", "question.answer.multipleChoice"));
            } else if (!draft.hasOption(k.asString())) {
                problems.add(Violation.field("answer", "question.answer.noSuchOption", k.asString()));
            }
        }
    }

    @Override
    AnswerNotation.Read<JsonNode> readCell(String cell) {
        List<String> keys = AnswerNotation.letters(cell).value();
        if (keys == null) {
            return AnswerNotation.Read.bad("bank.import.answer.letters");
        }
        ArrayNode array = NODES.arrayNode();
        keys.forEach(array::add);
        return AnswerNotation.Read.of(array);
    }

    @Override
    String writeCell(JsonNode key) {
        return key.valueStream().map(JsonNode::asString).collect(Collectors.joining());
    }

    @Override
    String describe(JsonNode key, Messages messages) {
        return key.valueStream().map(JsonNode::asString).collect(Collectors.joining("、"));
    }

    @Override
    @Nullable JsonNode fromForm(QuestionForm.Answer inputs) {
        ArrayNode array = NODES.arrayNode();
        inputs.choices().forEach(array::add);
        return array.isEmpty() ? null : array;
    }

    @Override
    QuestionForm.Answer toForm(JsonNode key) {
        return new QuestionForm.Answer(null, key.valueStream().map(JsonNode::asString).toList(), null, "", "");
    }

    private static Set<String> keys(JsonNode array) {
        Set<String> keys = new HashSet<>();
        if (array.isArray()) {
            array.forEach(k -> keys.add(k.asString()));
        }
        return keys;
    }
}
