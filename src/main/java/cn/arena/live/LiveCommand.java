package cn.arena.live;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A host's command as sent to {@code POST …/live/commands}. {@code tierGiven} tells a RISK decline ({@code tier: null})
 * from a NEXT_QUESTION that forgot its tier.
 */
record LiveCommand(String commandId, String type, @Nullable Boolean correct, @Nullable Integer tier, boolean tierGiven,
        @Nullable Long teamId, @Nullable BigDecimal points, @Nullable String reason, @Nullable List<Long> seats,
        @Nullable List<Long> teamIds) {}
