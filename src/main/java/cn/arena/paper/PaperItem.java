package cn.arena.paper;

import cn.arena.bank.QuestionType;
import java.math.BigDecimal;
import java.util.List;

/** An item of an arranged paper: the question, its points and its options' original keys in display order. */
public record PaperItem(long questionId, QuestionType type, BigDecimal points, List<String> optionOrder) {

    public PaperItem {
        optionOrder = List.copyOf(optionOrder);
    }
}
