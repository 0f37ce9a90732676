package cn.arena.shared;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One reason a request was refused: where (a field, or an Excel row and column, or a registration member) and
 * why, as a message key resolved in the caller's language when the problem is written.
 */
public record Violation(
        @Nullable String field,
        @Nullable Integer row,
        @Nullable String column,
        @Nullable String rule,
        @Nullable Integer member,
        String messageKey,
        Object[] args) {

    public static Violation field(String field, String messageKey, Object... args) {
        return new Violation(field, null, null, null, null, messageKey, args);
    }

    public static Violation cell(int row, String column, String messageKey, Object... args) {
        return new Violation(null, row, column, null, null, messageKey, args);
    }

    public static Violation rule(String rule, @Nullable Integer member, String messageKey, Object... args) {
        return new Violation(null, null, null, rule, member, messageKey, args);
    }

    /** The same reason, placed on a spreadsheet cell instead of a field. */
    public Violation atRow(int row, @Nullable String column) {
        return new Violation(null, row, column, rule, member, messageKey, args);
    }

    public Violation withRule(String rule) {
        return new Violation(field, row, column, rule, member, messageKey, args);
    }

    @Override
    public String toString() {
        return "Violation[" + (field != null ? field : "") + (row != null ? " row " + row : "") + (column != null ? " " + column : "")
                + (rule != null ? " " + rule : "") + (member != null ? " member " + member : "") + " " + messageKey + Arrays.toString(args) + "]";
    }
}
