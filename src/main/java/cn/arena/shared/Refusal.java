package cn.arena.shared;

import java.util.List;

/**
 * A request Arena refuses for a reason the caller can act on. The web layer turns it into a problem detail with the
 * status below and a message in the caller's language; the message key is resolved there, never here.
 */
public class Refusal extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, TOO_LARGE }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] args;
    private final transient List<Violation> violations;

    public Refusal(Kind kind, String messageKey, List<Violation> violations, Object... args) {
        super(messageKey + (violations.isEmpty() ? "" : " " + violations));
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args;
        this.violations = List.copyOf(violations);
    }

    /** 422: the input breaks a rule; nothing was changed. */
    public static Refusal invalid(List<Violation> violations) {
        return new Refusal(Kind.INVALID, "error.invalid", violations);
    }

    public static Refusal invalid(Violation violation) {
        return invalid(List.of(violation));
    }

    /** 404: absent, or outside the caller's scope (its existence is not revealed). */
    public static Refusal notFound() {
        return new Refusal(Kind.NOT_FOUND, "error.notFound", List.of());
    }

    /** 409: the object is not in a state that allows this (deadline passed, already submitted, ...). */
    public static Refusal conflict(String messageKey, Object... args) {
        return new Refusal(Kind.CONFLICT, messageKey, List.of(), args);
    }

    public static Refusal forbidden() {
        return new Refusal(Kind.FORBIDDEN, "error.forbidden", List.of());
    }

    public static Refusal tooLarge(String messageKey, Object... args) {
        return new Refusal(Kind.TOO_LARGE, messageKey, List.of(), args);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public List<Violation> violations() {
        return violations;
    }
}
