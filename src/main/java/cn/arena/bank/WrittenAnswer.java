package cn.arena.bank;

import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * 简答题 and 论述题: free text up to 20,000 characters, marked by a grader. The machine only suggests a score from the
 * share of the reference keywords the text contains, as a hint beside the reference answer.
 */
final class WrittenAnswer extends AuthoredKind {

    static final int MAX_LENGTH = 20_000;

    private final QuestionType type;
    private final List<String> names;

    WrittenAnswer(QuestionType type, List<String> names) {
        this.type = type;
        this.names = List.copyOf(names);
    }

    @Override
    public QuestionType type() {
        return type;
    }

    @Override
    public Optional<String> checkResponse(Question question, JsonNode value) {
        if (!value.isString()) {
            return Optional.of("response.text.shape");
        }
        return value.asString().length() > MAX_LENGTH ? Optional.of("response.tooLong") : Optional.empty();
    }

    @Override
    public Mark mark(Question question, JsonNode response, BigDecimal points, MultipleChoiceScoring scoring) {
        BigDecimal suggested = null;
        if (!question.keywords().isEmpty()) {
            String text = FillBlank.fold(response.isString() ? response.asString() : "");
            long found = question.keywords().stream().filter(k -> text.contains(FillBlank.fold(k).toLowerCase(Locale.ROOT))).count();
            suggested = QuestionKind.score(points.multiply(BigDecimal.valueOf(found))
                    .divide(BigDecimal.valueOf(question.keywords().size()), MathContext.DECIMAL64));
        }
        return new Mark(QuestionKind.score(BigDecimal.ZERO), true, suggested);
    }

    @Override
    List<String> names() {
        return names;
    }

    @Override
    void checkKey(QuestionDraft draft, JsonNode key, List<Violation> problems) {
        if (!key.isString() || key.asString().isBlank()) {
            problems.add(Violation.field("answer", "question.answer.reference"));
        } else if (key.asString().length() > QuestionDraft.MAX_TEXT) {
            problems.add(Violation.field("answer", "question.text.tooLong", QuestionDraft.MAX_TEXT));
        }
    }

    @Override
    JsonNode cleanKey(JsonNode key) {
        return NODES.stringNode(key.asString().strip());
    }

    @Override
    AnswerNotation.Read<JsonNode> readCell(String cell) {
        return AnswerNotation.Read.of(NODES.stringNode(cell.strip()));
    }

    @Override
    String writeCell(JsonNode key) {
        return key.asString();
    }

    @Override
    @Nullable JsonNode fromForm(QuestionForm.Answer inputs) {
        return filled(inputs.text()) ? NODES.stringNode(inputs.text()) : null;
    }

    @Override
    QuestionForm.Answer toForm(JsonNode key) {
        return new QuestionForm.Answer(null, List.of(), null, "", key.asString());
    }
}
