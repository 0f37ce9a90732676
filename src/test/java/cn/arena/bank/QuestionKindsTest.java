package cn.arena.bank;

import static cn.arena.bank.Questions.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each type is one kind that owns its whole behaviour: the registry has one per type and each reads back what it writes. */
class QuestionKindsTest {

    private static final Map<QuestionType, String> KEYS = Map.of(
            QuestionType.SINGLE_CHOICE, "\"B\"", QuestionType.MULTIPLE_CHOICE, "[\"A\",\"C\"]", QuestionType.TRUE_FALSE, "false",
            QuestionType.FILL_BLANK, "[[\"一网通办\",\"一网办\"],[\"跨省通办\"]]", QuestionType.SHORT_ANSWER, "\"参考答案\"",
            QuestionType.ESSAY, "\"论述要点\"");

    @Test
    void everyTypeHasItsKindAndItsNameInTheTemplate() {
        for (QuestionType type : QuestionType.values()) {
            AuthoredKind kind = AuthoredKind.of(type);
            assertThat(kind.type()).isEqualTo(type);
            assertThat(QuestionKind.of(type)).isSameAs(kind);
            assertThat(AnswerNotation.type(AnswerNotation.typeName(type)).value()).isEqualTo(type);
        }
    }

    @Test
    void everyKindReadsBackTheCellAndTheFormItWrites() {
        KEYS.forEach((type, key) -> {
            AuthoredKind kind = AuthoredKind.of(type);
            assertThat(kind.readCell(kind.writeCell(json(key))).value()).as(type.name()).isEqualTo(json(key));
            assertThat(kind.fromForm(kind.toForm(json(key)))).as(type.name()).isEqualTo(json(key));
        });
    }
}
