package cn.arena.paper;

import cn.arena.bank.QuestionType;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One part of a blueprint: {@code count} questions of one type, each worth {@code pointsEach}, optionally only from
 * a category (and its subcategories) and of one difficulty.
 */
public record Section(QuestionType type, int count, BigDecimal pointsEach, @Nullable String category, @Nullable Integer difficulty) {}
