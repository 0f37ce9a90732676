package cn.arena.bank;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One version of a question, as papers and marking see it. A question once used in an exam is never changed: an
 * edit makes a new version with a new id, so an attempt always marks against what the candidate saw.
 *
 * @param answer the key in the contract's JSON shape: "B", ["A","C"], true, [["alt1","alt2"],["blank2"]], or a
 *        reference text for short-answer and essay questions
 * @param category a path whose levels are separated by "/", e.g. 政务服务/一网通办; "" when none
 */
public record Question(
        long id,
        long bankId,
        QuestionType type,
        String stem,
        List<Option> options,
        JsonNode answer,
        String analysis,
        String category,
        int difficulty,
        BigDecimal points,
        List<String> keywords) {

    /** Number of blanks of a FILL_BLANK question (one list of alternatives per blank); 0 for other types. */
    public int blanks() {
        return type == QuestionType.FILL_BLANK ? answer.size() : 0;
    }

    public boolean hasOption(String key) {
        return options.stream().anyMatch(o -> o.key().equals(key));
    }
}
