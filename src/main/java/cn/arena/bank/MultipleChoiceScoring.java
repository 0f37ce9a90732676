package cn.arena.bank;

/** How a multiple-choice item earns points, chosen per exam. */
public enum MultipleChoiceScoring {
    /** Exactly the correct set earns full points; anything else 0. */
    ALL_OR_NOTHING,
    /** Exactly the correct set: full; a non-empty subset of it: half; any wrong choice: 0. */
    PARTIAL
}
