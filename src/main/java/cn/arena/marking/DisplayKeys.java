package cn.arena.marking;

import cn.arena.bank.Option;
import cn.arena.bank.Question;
import cn.arena.bank.QuestionType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The keys a candidate saw. With shuffled options the question's own key "C" may have been shown as "A": the i-th
 * key of {@code optionOrder} (the question's keys in the order shown) was displayed as the i-th letter. Results speak
 * the candidate's keys, so their answer and the correct answer read as on their paper.
 */
record DisplayKeys(List<String> optionOrder) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The letter the candidate saw for one of the question's own keys (the key itself if it was not shown). */
    String display(String originalKey) {
        int index = optionOrder.indexOf(originalKey);
        return index < 0 ? originalKey : String.valueOf((char) ('A' + index));
    }

    /** A response or key in the question's own keys, rewritten in displayed keys; other shapes pass unchanged. */
    @Nullable JsonNode translate(QuestionType type, @Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (type) {
            case SINGLE_CHOICE -> value.isString() ? NODES.stringNode(display(value.asString())) : value;
            case MULTIPLE_CHOICE -> {
                if (!value.isArray()) {
                    yield value;
                }
                List<String> keys = new ArrayList<>();
                value.forEach(k -> keys.add(display(k.asString())));
                keys.sort(null);
                ArrayNode array = NODES.arrayNode();
                keys.forEach(array::add);
                yield array;
            }
            default -> value;
        };
    }

    /**
     * The key as the candidate reads it: choices in displayed keys, TRUE_FALSE a boolean, FILL_BLANK the first accepted
     * alternative of each blank, SHORT_ANSWER and ESSAY the reference answer.
     */
    JsonNode correctAnswer(Question question) {
        if (question.type() == QuestionType.FILL_BLANK) {
            ArrayNode firsts = NODES.arrayNode();
            for (JsonNode alternatives : question.answer()) {
                firsts.add(alternatives.isArray() && !alternatives.isEmpty() ? alternatives.get(0).asString() : alternatives.asString());
            }
            return firsts;
        }
        JsonNode translated = translate(question.type(), question.answer());
        return translated == null ? NODES.nullNode() : translated;
    }

    /** The question's options in the order shown, under the keys shown. */
    List<Option> options(Question question) {
        if (!question.type().hasOptions()) {
            return List.of();
        }
        List<Option> shown = new ArrayList<>();
        for (String key : optionOrder.isEmpty() ? question.options().stream().map(Option::key).toList() : optionOrder) {
            question.options().stream().filter(o -> o.key().equals(key)).findFirst()
                    .ifPresent(o -> shown.add(new Option(display(key), o.text())));
        }
        return shown;
    }
}
