package cn.arena.bank;

import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A question as someone typed it (JSON body, form or spreadsheet row), before it is checked. {@link #check()} lists
 * every rule it breaks, each on its field; {@link #toQuestion(long)} gives the clean question once it breaks none.
 */
public record QuestionDraft(
        @Nullable QuestionType type,
        @Nullable String stem,
        @Nullable List<Option> options,
        @Nullable JsonNode answer,
        @Nullable String analysis,
        @Nullable String category,
        @Nullable Integer difficulty,
        @Nullable BigDecimal points,
        @Nullable List<String> keywords) {

    static final int MAX_OPTIONS = 8;
    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(1000);
    /** Texts stay within what an Excel cell holds (32,767), so every question can be exported. */
    static final int MAX_TEXT = 20_000;
    static final int MAX_OPTION = 2_000;
    /** The category column's width. */
    static final int MAX_CATEGORY = 500;
    static final int MAX_KEYWORDS = 50;
    static final int MAX_KEYWORD = 100;

    public List<Violation> check() {
        List<Violation> problems = new ArrayList<>();
        if (type == null) {
            problems.add(Violation.field("type", "question.type.required"));
            return problems;
        }
        if (stem == null || stem.isBlank()) {
            problems.add(Violation.field("stem", "question.stem.required"));
        } else if (stem.length() > MAX_TEXT) {
            problems.add(Violation.field("stem", "question.stem.tooLong"));
        }
        if (analysis != null && analysis.length() > MAX_TEXT) {
            problems.add(Violation.field("analysis", "question.text.tooLong", MAX_TEXT));
        }
        if (category != null && normalizeCategory(category).length() > MAX_CATEGORY) {
            problems.add(Violation.field("category", "question.text.tooLong", MAX_CATEGORY));
        }
        if (keywords != null && (keywords.size() > MAX_KEYWORDS || keywords.stream().anyMatch(k -> k == null || k.length() > MAX_KEYWORD))) {
            problems.add(Violation.field("keywords", "question.keywords.limits", MAX_KEYWORDS, MAX_KEYWORD));
        }
        if (difficulty != null && (difficulty < 1 || difficulty > 5)) {
            problems.add(Violation.field("difficulty", "question.difficulty.range"));
        }
        if (points != null && points.signum() <= 0) {
            problems.add(Violation.field("points", "question.points.positive"));
        } else if (points != null && (points.stripTrailingZeros().scale() > 2 || points.compareTo(MAX_POINTS) > 0)) {
            // The column keeps two decimals below a million; anything else would be rounded or refused by the database.
            problems.add(Violation.field("points", "question.points.format", MAX_POINTS));
        }
        if (type.hasOptions()) {
            checkOptions(problems);
        }
        checkAnswer(problems);
        return problems;
    }

    private void checkOptions(List<Violation> problems) {
        List<Option> opts = options == null ? List.of() : options;
        if (opts.size() < 2 || opts.size() > MAX_OPTIONS) {
            problems.add(Violation.field("options", "question.options.count", MAX_OPTIONS));
        }
        Set<String> keys = new HashSet<>();
        for (Option o : opts) {
            if (o.key() == null || !o.key().matches("[A-H]") || !keys.add(o.key())) {
                problems.add(Violation.field("options", "question.options.key", String.valueOf(o.key())));
            }
            if (o.text() == null || o.text().isBlank()) {
                problems.add(Violation.field("options", "question.options.text", String.valueOf(o.key())));
            } else if (o.text().length() > MAX_OPTION) {
                problems.add(Violation.field("options", "question.text.tooLong", MAX_OPTION));
            }
        }
    }

    private void checkAnswer(List<Violation> problems) {
        JsonNode a = answer;
        if (a == null || a.isNull()) {
            problems.add(Violation.field("answer", "question.answer.required"));
            return;
        }
        AuthoredKind.of(type).checkKey(this, a, problems);
    }

    boolean hasOption(String key) {
        return options != null && options.stream().anyMatch(o -> key.equals(o.key()));
    }

    /**
     * The checked question for a bank; call only when {@link #check()} found nothing. Texts are trimmed and options
     * put in key order, so a question reads the same whether it came as JSON, from a form or from a spreadsheet.
     */
    Question toQuestion(long bankId) {
        List<Option> cleanOptions = type.hasOptions()
                ? options.stream().map(o -> new Option(o.key(), o.text().strip())).sorted(java.util.Comparator.comparing(Option::key)).toList()
                : List.of();
        return new Question(0, bankId, type, stem.strip(), cleanOptions, AuthoredKind.of(type).cleanKey(answer),
                analysis == null ? "" : analysis.strip(), normalizeCategory(category),
                difficulty == null ? 3 : difficulty, points == null ? BigDecimal.ONE : points.stripTrailingZeros(),
                keywords == null ? List.of() : keywords.stream().map(String::strip).filter(k -> !k.isEmpty()).toList());
    }

    /** "政务服务 / 一网通办 /" → "政务服务/一网通办". */
    static String normalizeCategory(@Nullable String category) {
        if (category == null) {
            return "";
        }
        return String.join("/", java.util.Arrays.stream(category.split("/")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }
}
