package cn.arena.bank;

import cn.arena.shared.Messages;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * 填空题: one text per blank. Each blank earns its share of the points when the text matches one of that blank's
 * alternatives after trimming and folding full-width to half-width characters and case (一网通办 = 一网通办,
 * ＡＢＣ = abc).
 */
final class FillBlank extends AuthoredKind {

    /**
     * A blank in a stem, as the contract's bank section defines it: brackets, full- or half-width, holding nothing but
     * spaces of any kind (the ideographic space U+3000 of Chinese documents, no-break space, tabs, zero-width space
     * included), or three or more underscores, half- or full-width. {@code \s} alone would miss U+3000 and U+00A0.
     */
    private static final Pattern BLANK = Pattern.compile("[（(][\\p{IsWhite_Space}\\u200B\\uFEFF]*[）)]|[_＿]{3,}");

    /** How many blanks a stem has: the one rule the JSON API, the xlsx import, the form and the demo data share. */
    static int blanksIn(String stem) {
        return (int) BLANK.matcher(stem).results().count();
    }

    @Override
    public QuestionType type() {
        return QuestionType.FILL_BLANK;
    }

    @Override
    public Optional<String> checkResponse(Question question, JsonNode value) {
        if (!value.isArray() || value.size() != question.blanks()) {
            return Optional.of("response.fillBlank.shape");
        }
        for (JsonNode blank : value) {
            if (!blank.isString() && !blank.isNull()) {
                return Optional.of("response.fillBlank.shape");
            }
            if (blank.isString() && blank.asString().length() > 1000) {
                return Optional.of("response.tooLong");
            }
        }
        return Optional.empty();
    }

    @Override
    public Mark mark(Question question, JsonNode response, BigDecimal points, MultipleChoiceScoring scoring) {
        int blanks = question.blanks();
        int right = 0;
        for (int i = 0; i < blanks && i < response.size(); i++) {
            String given = fold(response.get(i).isString() ? response.get(i).asString() : "");
            if (given.isEmpty()) {
                continue;
            }
            for (JsonNode alternative : question.answer().get(i)) {
                if (fold(alternative.asString()).equals(given)) {
                    right++;
                    break;
                }
            }
        }
        BigDecimal earned = blanks == 0 ? BigDecimal.ZERO
                : points.multiply(BigDecimal.valueOf(right)).divide(BigDecimal.valueOf(blanks), MathContext.DECIMAL64);
        return Mark.of(QuestionKind.score(earned));
    }

    /** Results show the first accepted alternative of each blank. */
    @Override
    public JsonNode correctAnswer(Question question, DisplayKeys keys) {
        ArrayNode firsts = NODES.arrayNode();
        for (JsonNode alternatives : question.answer()) {
            firsts.add(alternatives.isArray() && !alternatives.isEmpty() ? alternatives.get(0).asString() : alternatives.asString());
        }
        return firsts;
    }

    @Override
    List<String> names() {
        return List.of("填空题", "填空");
    }

    @Override
    void checkKey(QuestionDraft draft, JsonNode key, List<Violation> problems) {
        boolean shaped = key.isArray() && !key.isEmpty();
        for (JsonNode blank : key) {
            shaped &= blank.isArray() && !blank.isEmpty();
            for (JsonNode alt : blank) {
                shaped &= alt.isString() && !alt.asString().isBlank();
            }
        }
        String stem = draft.stem();
        if (!shaped) {
            problems.add(Violation.field("answer", "question.answer.fillBlank"));
        } else if (stem != null && !stem.isBlank() && blanksIn(stem) != key.size()) {
            problems.add(Violation.field("answer", "question.answer.blankCount", blanksIn(stem), key.size()));
        }
    }

    @Override
    JsonNode cleanKey(JsonNode key) {
        ArrayNode blanks = NODES.arrayNode();
        for (JsonNode blank : key) {
            ArrayNode alternatives = blanks.addArray();
            blank.forEach(alt -> alternatives.add(alt.asString().strip()));
        }
        return blanks;
    }

    @Override
    AnswerNotation.Read<JsonNode> readCell(String cell) {
        return AnswerNotation.Read.of(AnswerNotation.blanks(cell));
    }

    /** Blanks by ；(or by new lines when an alternative holds a semicolon), alternatives by |. */
    @Override
    String writeCell(JsonNode key) {
        List<String> blanks = alternatives(key, "|");
        boolean semicolons = blanks.stream().anyMatch(b -> b.contains(";") || b.contains("；"));
        return String.join(semicolons ? "\n" : "；", blanks);
    }

    @Override
    String describe(JsonNode key, Messages messages) {
        return String.join("；", alternatives(key, " | "));
    }

    @Override
    @Nullable JsonNode fromForm(QuestionForm.Answer inputs) {
        return filled(inputs.blanks()) ? AnswerNotation.blanks(inputs.blanks()) : null;
    }

    /** One blank per line, alternatives separated by |. */
    @Override
    QuestionForm.Answer toForm(JsonNode key) {
        return new QuestionForm.Answer(null, List.of(), null, String.join("\n", alternatives(key, "|")), "");
    }

    private static List<String> alternatives(JsonNode key, String separator) {
        return key.valueStream().map(blank -> blank.valueStream().map(JsonNode::asString).collect(Collectors.joining(separator))).toList();
    }

    /** The form two blank texts are compared in: NFKC (full-width to half-width), lower case, trimmed. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }
}
