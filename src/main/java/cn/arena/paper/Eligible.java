package cn.arena.paper;

import cn.arena.bank.QuestionType;
import java.math.BigDecimal;
import java.util.List;

/** A question a section may draw: the version's id, its bank and its option keys in their original order. */
public record Eligible(long questionId, long bankId, QuestionType type, List<String> optionKeys) {

    public Eligible {
        optionKeys = List.copyOf(optionKeys);
    }

    Slot slot(int section, BigDecimal points) {
        return new Slot(section, questionId, type, points, optionKeys);
    }
}
