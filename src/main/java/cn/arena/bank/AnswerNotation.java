package cn.arena.bank;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The ways people write a question's cells in the Excel template (the contract's notations), read into the
 * question JSON, and written back in the one notation that reads back to the same question. Reading is forgiving
 * (full-width letters, any separator); writing is canonical: {@code ABD}, 正确/错误, blanks by {@code ；} (or by new
 * lines when an alternative holds a semicolon), alternatives by {@code |}.
 */
final class AnswerNotation {

    /** A cell's reading: its value, or the message key saying why it could not be read. Empty cells read as null. */
    record Read<T>(@Nullable T value, @Nullable String problem) {

        static <T> Read<T> of(@Nullable T value) {
            return new Read<>(value, null);
        }

        static <T> Read<T> bad(String problem) {
            return new Read<>(null, problem);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LETTER_SEPARATORS = Pattern.compile("[\\s,，、;；/]+");
    private static final Pattern LINES = Pattern.compile("\\r?\\n");
    private static final Pattern SEMICOLONS = Pattern.compile("[;；]");
    private static final Pattern ALTERNATIVE_SEPARATORS = Pattern.compile("[|｜]");
    private static final Pattern KEYWORD_SEPARATORS = Pattern.compile("[;；、]");

    private static final Map<String, Boolean> TRUTH = Map.ofEntries(
            Map.entry("正确", true), Map.entry("对", true), Map.entry("√", true), Map.entry("✓", true), Map.entry("✔", true),
            Map.entry("是", true), Map.entry("t", true), Map.entry("true", true),
            Map.entry("错误", false), Map.entry("错", false), Map.entry("×", false), Map.entry("✗", false), Map.entry("✘", false),
            Map.entry("否", false), Map.entry("f", false), Map.entry("false", false));

    private static final List<String> DIFFICULTY_WORDS = List.of("易", "较易", "中", "较难", "难");

    private AnswerNotation() {}

    /** 单选题/单选/…, or a code such as SINGLE_CHOICE; null for an empty cell. */
    static Read<QuestionType> type(String cell) {
        String text = fold(cell).replaceAll("\\s+", "");
        if (text.isEmpty()) {
            return Read.of(null);
        }
        return Arrays.stream(QuestionType.values())
                .filter(t -> t.name().equalsIgnoreCase(text) || AuthoredKind.of(t).names().contains(text)).findFirst()
                .map(Read::of).orElseGet(() -> Read.bad("bank.import.type.unknown"));
    }

    static String typeName(QuestionType type) {
        return AuthoredKind.of(type).names().get(0);
    }

    /** The answer cell in the question JSON shape of {@code type}; null for an empty cell. */
    static Read<JsonNode> answer(QuestionType type, String cell) {
        if (cell.isBlank()) {
            return Read.of(null);
        }
        return AuthoredKind.of(type).readCell(cell);
    }

    /** Option letters in any of ABD, A,B,D, A、B、D, A B D, full-width or lower case. */
    static Read<List<String>> letters(String cell) {
        String text = LETTER_SEPARATORS.matcher(fold(cell).toUpperCase(Locale.ROOT)).replaceAll("");
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return Read.bad("bank.import.answer.letters");
        }
        return Read.of(text.chars().mapToObj(c -> String.valueOf((char) c)).toList());
    }

    static Read<JsonNode> truth(String cell) {
        Boolean value = TRUTH.get(fold(cell).replaceAll("\\s+", ""));
        return value == null ? Read.bad("bank.import.answer.trueFalse") : Read.of(NODES.booleanNode(value));
    }

    /**
     * Blanks separated by ; or ；, or one per line when the cell has several lines (then a semicolon is part of the
     * text); alternatives within a blank by | or ｜; empty pieces are dropped.
     */
    static JsonNode blanks(String cell) {
        List<JsonNode> blanks = new ArrayList<>();
        for (String blank : (LINES.matcher(cell.strip()).find() ? LINES : SEMICOLONS).split(cell)) {
            List<JsonNode> alternatives = Arrays.stream(ALTERNATIVE_SEPARATORS.split(blank)).map(String::strip)
                    .filter(a -> !a.isEmpty()).map(a -> (JsonNode) NODES.stringNode(a)).toList();
            if (!alternatives.isEmpty()) {
                blanks.add(array(alternatives));
            }
        }
        return array(blanks);
    }

    /** 1–5 or 易/较易/中/较难/难; a whole number outside 1–5 is left for the draft's range rule. */
    static Read<Integer> difficulty(String cell) {
        String text = fold(cell).replaceAll("\\s+", "");
        if (text.isEmpty()) {
            return Read.of(null);
        }
        int word = DIFFICULTY_WORDS.indexOf(text);
        if (word >= 0) {
            return Read.of(word + 1);
        }
        if ("中等".equals(text)) {
            return Read.of(3);
        }
        try {
            return Read.of(new BigDecimal(text).intValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return Read.bad("bank.import.difficulty");
        }
    }

    /** A number; whether it is a sensible number of points is the draft's rule. */
    static Read<BigDecimal> points(String cell) {
        String text = fold(cell).replaceAll("\\s+", "");
        if (text.isEmpty()) {
            return Read.of(null);
        }
        try {
            return Read.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Read.bad("bank.import.points");
        }
    }

    /** Keywords separated by ; ； or 、, or one per line when the cell has several lines (as export writes 、 inside one). */
    static List<String> keywords(String cell) {
        Pattern separator = LINES.matcher(cell.strip()).find() ? LINES : KEYWORD_SEPARATORS;
        return Arrays.stream(separator.split(cell)).map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    /** The answer as the template writes it; {@link #answer} reads it back to the same JSON. */
    static String write(QuestionType type, JsonNode answer) {
        return AuthoredKind.of(type).writeCell(answer);
    }

    static String writeKeywords(List<String> keywords) {
        boolean separators = keywords.stream().anyMatch(k -> KEYWORD_SEPARATORS.matcher(k).find());
        return String.join(separators ? "\n" : "；", keywords);
    }

    /** Full-width to half-width (ＡＢ → AB, ；→ ;), lower case, trimmed: the form cell words are compared in. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    private static ArrayNode array(List<JsonNode> items) {
        ArrayNode array = NODES.arrayNode(items.size());
        items.forEach(array::add);
        return array;
    }
}
