package cn.arena.exam;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One item of an attempt as the candidate saw it.
 *
 * @param no the item's number in the candidate's display order, 1..n
 * @param optionOrder the question's original option keys in display order (empty for types without options)
 * @param response the saved response in the question's original keys; null when unanswered
 */
public record AttemptItem(int no, long questionId, BigDecimal points, List<String> optionOrder, @Nullable JsonNode response) {}
