package cn.arena.paper;

import cn.arena.bank.QuestionType;
import java.math.BigDecimal;
import java.util.List;

/** A selected question in its section (0-based), before arrangement; option keys in the question's own order. */
public record Slot(int section, long questionId, QuestionType type, BigDecimal points, List<String> optionKeys) {}
