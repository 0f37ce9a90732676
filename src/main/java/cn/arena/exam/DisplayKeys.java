package cn.arena.exam;

import cn.arena.bank.QuestionType;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.StringNode;

/**
 * A candidate answers with the letters shown (A, B, C… in display order), never with the question's own keys, so a
 * shuffled paper does not leak the original order. This translates between the two for one item: {@code optionOrder}
 * lists the original keys in display order. Values that are not of a choice shape pass through unchanged, for the
 * question kind to refuse.
 */
record DisplayKeys(QuestionType type, List<String> optionOrder) {

    static String label(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /** The value in original keys, or empty when it names a letter the candidate was not shown. */
    Optional<JsonNode> toOriginal(JsonNode value) {
        return translate(value, true);
    }

    /** A stored value (original keys) as the candidate sees it. */
    JsonNode toDisplay(JsonNode value) {
        return translate(value, false).orElse(value);
    }

    private Optional<JsonNode> translate(JsonNode value, boolean toOriginal) {
        if (!type.hasOptions()) {
            return Optional.of(value);
        }
        if (value.isString()) {
            return map(value.asString(), toOriginal).map(StringNode::valueOf);
        }
        if (value.isArray() && type == QuestionType.MULTIPLE_CHOICE) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : value) {
                if (!element.isString()) {
                    out.add(element);
                    continue;
                }
                Optional<String> key = map(element.asString(), toOriginal);
                if (key.isEmpty()) {
                    return Optional.empty();
                }
                out.add(key.get());
            }
            return Optional.of(out);
        }
        return Optional.of(value);
    }

    private Optional<String> map(String key, boolean toOriginal) {
        if (toOriginal) {
            if (key.length() != 1) {
                return Optional.empty();
            }
            int index = key.charAt(0) - 'A';
            return index >= 0 && index < optionOrder.size() ? Optional.of(optionOrder.get(index)) : Optional.empty();
        }
        int index = optionOrder.indexOf(key);
        return index < 0 ? Optional.empty() : Optional.of(label(index));
    }
}
