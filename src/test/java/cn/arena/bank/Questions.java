package cn.arena.bank;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small questions for the rule tests, written like the seeds. */
final class Questions {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Questions() {}

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static List<Option> abcd() {
        return List.of(new Option("A", "数据共享"), new Option("B", "多头跑"), new Option("C", "一窗受理"), new Option("D", "容缺受理"));
    }

    static Question of(QuestionType type, String stem, String answer) {
        return new Question(1, 1, type, stem, type.hasOptions() ? abcd() : List.of(), json(answer), "", "", 3, BigDecimal.ONE,
                List.of());
    }

    static QuestionDraft draft(QuestionType type, String stem, List<Option> options, String answer) {
        return new QuestionDraft(type, stem, options, answer == null ? null : json(answer), "解析", "政务服务/一网通办", 2,
                new BigDecimal("2"), List.of());
    }
}
