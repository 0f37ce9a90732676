package cn.arena.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The keys a candidate saw. With shuffled options the question's own key "C" may have been shown as "A": the i-th key
 * of {@code optionOrder} (the question's own keys in the order shown) was shown as the i-th letter. A candidate answers
 * in the letters shown, never in the question's own keys, so a shuffled paper does not leak the original order; this
 * maps one item's values both ways, each type's value shape through its {@link QuestionKind}.
 *
 * <p>The entry points for modules that show questions (exams, results, practice): {@link #toOriginal} before
 * {@link QuestionKind#checkResponse} and {@link QuestionKind#mark}, which speak the question's own keys;
 * {@link #toDisplay}, {@link #answer}, {@link #key} and {@link #correctAnswer} to show a stored answer or the key; {@link #options} for
 * the options in the order shown.
 *
 * @param optionOrder the question's own keys in the order shown; empty for types without options (and for a question
 *        shown in its own order, where every key is shown as itself)
 */
public record DisplayKeys(QuestionType type, List<String> optionOrder) {

    public DisplayKeys {
        optionOrder = List.copyOf(optionOrder);
    }

    /** The letter shown at a position: A, B, C… */
    public static String label(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /** The letter the candidate saw for one of the question's own keys (the key itself if it was not shown). */
    public String shown(String originalKey) {
        int index = optionOrder.indexOf(originalKey);
        return index < 0 ? originalKey : label(index);
    }

    /** The question's own key behind a letter shown, or empty when no option was shown under it. */
    public Optional<String> original(String shownKey) {
        if (shownKey.length() != 1) {
            return Optional.empty();
        }
        int index = shownKey.charAt(0) - 'A';
        return index >= 0 && index < optionOrder.size() ? Optional.of(optionOrder.get(index)) : Optional.empty();
    }

    /**
     * A candidate's value in the question's own keys, or empty when it names a letter the candidate was not shown.
     * Values of another shape pass through unchanged, for {@link QuestionKind#checkResponse} to refuse.
     */
    public Optional<JsonNode> toOriginal(JsonNode value) {
        return kind().toOriginal(value, this);
    }

    /** A stored value (the question's own keys) as the candidate reads it; other shapes pass unchanged. */
    public JsonNode toDisplay(JsonNode value) {
        return kind().toDisplay(value, this);
    }

    /** A stored answer as the candidate reads it; null when the item was not answered (null or JSON null). */
    public @Nullable JsonNode answer(@Nullable JsonNode stored) {
        return stored == null || stored.isNull() ? null : toDisplay(stored);
    }

    /** The question's whole key in the keys shown: "B", ["A","C"], true, [["一网通办","网上通办"]], or the reference text. */
    public JsonNode key(Question question) {
        return toDisplay(question.answer());
    }

    /**
     * The key as results show it beside the candidate's answer: choices in the keys shown, TRUE_FALSE a boolean,
     * FILL_BLANK the first accepted alternative of each blank, SHORT_ANSWER and ESSAY the reference answer.
     */
    public JsonNode correctAnswer(Question question) {
        return kind().correctAnswer(question, this);
    }

    /** The question's options in the order shown, under the keys shown. */
    public List<Option> options(Question question) {
        if (!question.type().hasOptions()) {
            return List.of();
        }
        List<Option> shown = new ArrayList<>();
        for (String key : optionOrder.isEmpty() ? question.options().stream().map(Option::key).toList() : optionOrder) {
            question.options().stream().filter(o -> o.key().equals(key)).findFirst()
                    .ifPresent(o -> shown.add(new Option(shown(key), o.text())));
        }
        return shown;
    }

    private QuestionKind kind() {
        return QuestionKind.of(type);
    }
}
