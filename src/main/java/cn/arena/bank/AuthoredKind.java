package cn.arena.bank;

import cn.arena.shared.Messages;
import cn.arena.shared.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A question kind as the bank authors it. Besides what every module sees of a type ({@link QuestionKind}: the shape of
 * a response, marking, display keys), a type here owns the rules its key must keep, the key's notation in the Excel
 * template, its answer inputs on the question form and how the question list shows the key. So a new type is one
 * subclass registered in {@link QuestionKinds}, plus one renderer in {@code static/js/exam-sitting.js}.
 */
abstract class AuthoredKind implements QuestionKind {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The type's names in the template's 题型 column; the first is how export writes it. */
    abstract List<String> names();

    /** Adds every rule the draft's key (never null here) breaks, each on its field. */
    abstract void checkKey(QuestionDraft draft, JsonNode key, List<Violation> problems);

    /** The key as kept, once checked: texts trimmed. */
    JsonNode cleanKey(JsonNode key) {
        return key;
    }

    /** The template's answer cell (not blank) in the key's JSON shape, or why it cannot be read. */
    abstract AnswerNotation.Read<JsonNode> readCell(String cell);

    /** The key as the template writes it: the one notation {@link #readCell} reads back to the same key. */
    abstract String writeCell(JsonNode key);

    /**
     * The key as a person reads it in the question list: B; A、C; 正确; 一网通办 | 一网办；跨省通办; the reference text.
     * By default as the template writes it.
     */
    String describe(JsonNode key, Messages messages) {
        return writeCell(key);
    }

    /** The key the form's answer inputs give, or null when this type's input is empty. */
    abstract @Nullable JsonNode fromForm(QuestionForm.Answer inputs);

    /** The form's answer inputs showing a key. */
    abstract QuestionForm.Answer toForm(JsonNode key);

    /** The kind of a type, as the bank uses it. */
    static AuthoredKind of(QuestionType type) {
        return QuestionKinds.BY_TYPE.get(type);
    }

    static boolean filled(@Nullable String text) {
        return text != null && !text.isBlank();
    }
}
